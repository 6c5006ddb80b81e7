package io.rrralgorithms.jobs.book;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sync protocol on small hand-made streams, for both Binance rule sets. */
class BookSynchronizerTest {
    final List<BookTop> tops = new ArrayList<>();
    final List<BookGap> gaps = new ArrayList<>();
    int stale;
    int dropped;
    final BookOutput out = new BookOutput() {
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

        @Override
        public void pendingDropped(int n) {
            dropped += n;
        }
    };

    static long px(String s) {
        return Decimals.parse(s);
    }

    static MarketEvent spotDiff(long first, long last, String bidPx, String bidSz) {
        MarketEvent e = new MarketEvent();
        e.type = EventType.BOOK_DELTA;
        e.feed = "binance-spot";
        e.nativeSymbol = "BTCUSDT";
        e.symbol = "BTC-USDT";
        e.firstUpdateId = first;
        e.lastUpdateId = last;
        e.bidPrices = new long[] {px(bidPx)};
        e.bidSizes = new long[] {px(bidSz)};
        e.askPrices = new long[0];
        e.askSizes = new long[0];
        return e;
    }

    static MarketEvent futuresDiff(long first, long last, long prev) {
        MarketEvent e = spotDiff(first, last, "99", "1");
        e.feed = "binance-usdm";
        e.symbol = "BTC-USDT-PERP";
        e.prevUpdateId = prev;
        return e;
    }

    static MarketEvent snapshot(String feed, long id) {
        MarketEvent e = new MarketEvent();
        e.type = EventType.BOOK_SNAPSHOT;
        e.feed = feed;
        e.nativeSymbol = "BTCUSDT";
        e.lastUpdateId = id;
        e.bidPrices = new long[] {px("100"), px("99")};
        e.bidSizes = new long[] {px("1"), px("2")};
        e.askPrices = new long[] {px("101"), px("102")};
        e.askSizes = new long[] {px("3"), px("4")};
        return e;
    }

    @Test
    void spotBuffersUntilTheSnapshotDropsStaleDiffsAndBridges() {
        BookSynchronizer sync = new BookSynchronizer(10, 100);
        OrderBook book = OrderBook.empty();
        sync.process(book, spotDiff(1, 5, "98", "1"), out);   // stale: u <= 10
        sync.process(book, spotDiff(6, 10, "97", "1"), out);  // stale: u == 10
        sync.process(book, spotDiff(11, 14, "100", "5"), out); // bridges 10 + 1
        assertTrue(tops.isEmpty(), "nothing before a snapshot");
        sync.process(book, snapshot("binance-spot", 10), out);
        assertEquals(BookState.SYNCED, book.state);
        assertEquals(2, stale);
        assertEquals(1, tops.size());
        assertEquals(14, tops.get(0).lastUpdateId);
        assertArrayEquals(new long[] {px("5"), px("2")}, tops.get(0).bidSizes);
        sync.process(book, spotDiff(15, 16, "99", "0"), out); // U == u + 1, removes 99
        assertArrayEquals(new long[] {px("100")}, tops.get(1).bidPrices);
        assertTrue(gaps.isEmpty());
    }

    @Test
    void aFirstDiffThatDoesNotBridgeIsAGap() {
        BookSynchronizer sync = new BookSynchronizer(10, 100);
        OrderBook book = OrderBook.empty();
        sync.process(book, snapshot("binance-spot", 10), out);
        sync.process(book, spotDiff(13, 15, "100", "5"), out); // U > 11: ids 11..12 missed
        assertEquals(1, gaps.size());
        assertTrue(gaps.get(0).reason.contains("does not bridge"));
        assertEquals(BookState.INVALID, book.state);
        assertFalse(tops.get(0).synced);
    }

    @Test
    void spotChainBreakInvalidatesUntilTheNextSnapshot() {
        BookSynchronizer sync = new BookSynchronizer(10, 100);
        OrderBook book = OrderBook.empty();
        sync.process(book, snapshot("binance-spot", 10), out);
        sync.process(book, spotDiff(11, 12, "100", "5"), out);
        sync.process(book, spotDiff(14, 15, "100", "6"), out); // 13 missing
        assertEquals(1, gaps.size());
        assertEquals(12, gaps.get(0).lastUpdateId);
        assertEquals(BookState.INVALID, book.state);
        sync.process(book, spotDiff(16, 17, "100", "7"), out); // buffered, no top
        int topsBefore = tops.size();
        sync.process(book, snapshot("binance-spot", 16), out);   // resync: 14..15 stale, 16..17 bridges
        assertEquals(BookState.SYNCED, book.state);
        assertEquals(topsBefore + 1, tops.size());
        assertEquals(17, tops.get(tops.size() - 1).lastUpdateId);
        assertEquals(px("7"), tops.get(tops.size() - 1).bidSizes[0]);
    }

    @Test
    void redeliveredDiffIsStaleNotAGap() {
        BookSynchronizer sync = new BookSynchronizer(10, 100);
        OrderBook book = OrderBook.empty();
        sync.process(book, snapshot("binance-spot", 10), out);
        sync.process(book, spotDiff(11, 12, "100", "5"), out);
        sync.process(book, spotDiff(11, 12, "100", "5"), out);
        assertTrue(gaps.isEmpty());
        assertEquals(1, stale);
    }

    @Test
    void futuresChainByPreviousUpdateIdAndBridgeTheSnapshotId() {
        BookSynchronizer sync = new BookSynchronizer(10, 100);
        OrderBook book = OrderBook.empty();
        sync.process(book, futuresDiff(5, 9, 4), out);    // stale: u < 10
        sync.process(book, futuresDiff(10, 20, 9), out);  // U <= 10 <= u: bridges (spot rules would need 11)
        sync.process(book, snapshot("binance-usdm", 10), out);
        assertEquals(BookState.SYNCED, book.state);
        sync.process(book, futuresDiff(25, 30, 20), out); // pu == previous u: ids need not be contiguous
        assertTrue(gaps.isEmpty());
        sync.process(book, futuresDiff(35, 40, 31), out); // pu != 30
        assertEquals(1, gaps.size());
        assertTrue(gaps.get(0).reason.contains("pu == 30"), gaps.get(0).reason);
    }

    @Test
    void theBufferKeepsTheNewestDiffsWhenNoSnapshotComes() {
        BookSynchronizer sync = new BookSynchronizer(10, 4);
        OrderBook book = OrderBook.empty();
        for (int i = 0; i < 6; i++) {
            sync.process(book, spotDiff(i * 10 + 1, i * 10 + 10, "100", "1"), out);
        }
        assertEquals(2, dropped);
        assertEquals(4, book.pendingCount);
        assertEquals(21, book.pending[0].firstUpdateId);
    }

    @Test
    void bookSidesStaySortedBestFirst() {
        BookSide bids = BookSide.of(true, 2);
        BookSide asks = BookSide.of(false, 2);
        long[] prices = {5, 1, 9, 3, 7, 2, 8};
        for (long p : prices) {
            bids.set(p, 1);
            asks.set(p, 1);
        }
        bids.set(9, 0);
        asks.set(1, 0);
        asks.set(4, 0); // absent: no-op
        assertArrayEquals(new long[] {8, 7, 5, 3, 2, 1}, bids.topPrices(10));
        assertArrayEquals(new long[] {2, 3, 5, 7, 8, 9}, asks.topPrices(10));
    }
}
