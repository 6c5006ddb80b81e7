package io.rrralgorithms.jobs.book;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * A feed without sequence numbers (Coinbase level2) through the book protocol: a diff received
 * before the snapshot (buffered while the book waited for it) is stale and not applied on top of
 * the snapshot; diffs received after it are.
 */
class UnsequencedBookTest {
    private static final Venue COINBASE = Venues.forFeed("coinbase");

    private final List<BookTop> tops = new ArrayList<>();
    private final List<BookGap> gaps = new ArrayList<>();
    private int stale;

    private final BookOutput out = new BookOutput() {
        @Override
        public void top(BookTop top) {
            tops.add(top);
        }

        @Override
        public void gap(BookGap gap) {
            gaps.add(gap);
        }

        @Override
        public void staleDiff() {
            stale++;
        }
    };

    private static MarketEvent decode(String json, long receiveNs) throws Exception {
        byte[] p = json.getBytes(StandardCharsets.UTF_8);
        List<MarketEvent> evs = new ArrayList<>();
        COINBASE.decoder().decode(new RawFrame("coinbase", COINBASE.partitionKey(p), FrameKind.WS, receiveNs, p),
                evs::add);
        assertEquals(1, evs.size());
        return evs.get(0);
    }

    private static String update(String side, String price, String size) {
        return "{\"type\":\"l2update\",\"product_id\":\"BTC-USD\",\"changes\":[[\"" + side + "\",\"" + price + "\",\""
                + size + "\"]],\"time\":\"2021-04-17T16:43:36.000000Z\"}";
    }

    @Test
    void aDiffReceivedBeforeTheSnapshotIsStaleAndLaterOnesApply() throws Exception {
        BookSynchronizer sync = new BookSynchronizer(10, 100);
        OrderBook book = OrderBook.empty();

        // received at t=1000: an older state of the 100 bid, already reflected in the snapshot
        sync.process(book, decode(update("buy", "100.00", "9.0"), 1_000L), out);
        sync.process(book, decode("{\"type\":\"snapshot\",\"product_id\":\"BTC-USD\","
                + "\"bids\":[[\"100.00\",\"1.5\"],[\"99.00\",\"2\"]],\"asks\":[[\"101.00\",\"3\"]]}", 2_000L), out);
        assertEquals(1, stale, "the diff received before the snapshot is stale");
        assertEquals(Decimals.parse("1.5"), book.bids.bestSize(), "the snapshot's size stands");

        // received after the snapshot (one of them at the same instant): applied in order
        sync.process(book, decode(update("buy", "100.00", "0"), 2_000L), out);
        sync.process(book, decode(update("sell", "100.50", "0.25"), 3_000L), out);

        assertEquals(List.of(), gaps);
        assertEquals(1, stale);
        BookTop last = tops.get(tops.size() - 1);
        assertEquals(true, last.synced);
        assertArrayEquals(new long[] {Decimals.parse("99")}, last.bidPrices);
        assertArrayEquals(new long[] {Decimals.parse("100.50"), Decimals.parse("101")}, last.askPrices);
        assertEquals(3_000L, last.lastUpdateId, "the receive time orders a feed without sequence");
    }
}
