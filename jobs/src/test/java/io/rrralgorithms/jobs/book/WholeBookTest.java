package io.rrralgorithms.jobs.book;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A feed that sends the whole book in every message (Huobi {@code depth.step0}) through the book
 * protocol: each snapshot is synced and reported at once (no diff has to bridge it), a newer
 * version replaces the book whole (levels it no longer lists are gone), one not newer is ignored,
 * and no gap is reported.
 */
class WholeBookTest {
    private static final Venue HUOBI = Venues.forFeed("huobi");

    private final List<BookTop> tops = new ArrayList<>();
    private final List<BookGap> gaps = new ArrayList<>();

    private final BookOutput out = new BookOutput() {
        @Override
        public void top(BookTop top) {
            tops.add(top);
        }

        @Override
        public void gap(BookGap gap) {
            gaps.add(gap);
        }
    };

    private static MarketEvent book(long version, String bids, String asks) throws Exception {
        byte[] p = ("{\"ch\":\"market.btcusdt.depth.step0\",\"ts\":1,\"tick\":{\"bids\":[" + bids + "],\"asks\":["
                + asks + "],\"version\":" + version + ",\"ts\":1618678069830}}").getBytes(StandardCharsets.UTF_8);
        List<MarketEvent> evs = new ArrayList<>();
        HUOBI.decoder().decode(new RawFrame("huobi", HUOBI.partitionKey(p), FrameKind.WS, version, p), evs::add);
        assertEquals(1, evs.size());
        return evs.get(0);
    }

    @Test
    void everyNewerBookIsReportedAndReplacesTheLast() throws Exception {
        BookSynchronizer sync = new BookSynchronizer(10, 100);
        OrderBook book = OrderBook.empty();

        sync.process(book, book(100, "[60000.5,1],[60000,2]", "[60001,3]"), out);
        assertEquals(1, tops.size(), "the first book is reported at once");
        assertTrue(tops.get(0).synced);
        assertEquals(100, tops.get(0).lastUpdateId);

        sync.process(book, book(101, "[60000,2.5]", "[60001,3],[60002,1]"), out);
        assertEquals(2, tops.size());
        BookTop last = tops.get(1);
        assertArrayEquals(new long[] {Decimals.parse("60000")}, last.bidPrices, "60000.5 is no longer listed: gone");
        assertArrayEquals(new long[] {Decimals.parse("2.5")}, last.bidSizes);
        assertArrayEquals(new long[] {Decimals.parse("60001"), Decimals.parse("60002")}, last.askPrices);

        sync.process(book, book(101, "[59000,1]", "[60001,3]"), out); // repeated at its version
        sync.process(book, book(99, "[59000,1]", "[60001,3]"), out); // older
        assertEquals(2, tops.size(), "a book not newer than the last gives no top");
        assertEquals(Decimals.parse("60000"), book.bids.bestPrice());

        sync.process(book, book(250, "[61000,1]", "[61001,1]"), out); // versions skipped: a lost message is no gap
        assertEquals(3, tops.size());
        assertEquals(250, tops.get(2).lastUpdateId);
        assertEquals(List.of(), gaps);
    }
}
