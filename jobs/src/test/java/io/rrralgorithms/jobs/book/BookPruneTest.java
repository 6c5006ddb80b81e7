package io.rrralgorithms.jobs.book;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.BookChecksum;
import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bound on levels per side ({@code rrr.book.max-levels}): which levels are pruned and which come back. */
class BookPruneTest {
    final List<BookTop> tops = new ArrayList<>();
    final BookOutput out = new BookOutput() {
        @Override
        public void top(BookTop top) {
            tops.add(top);
        }

        @Override
        public void gap(BookGap gap) {
            throw new AssertionError("no gap expected: " + gap);
        }
    };

    /** Bids 100, 99, ... (n levels, size = 1 + index), asks 101, 102, ... */
    static MarketEvent snapshot(long id, int n) {
        MarketEvent e = event(EventType.BOOK_SNAPSHOT, id, id);
        e.bidPrices = new long[n];
        e.bidSizes = new long[n];
        e.askPrices = new long[n];
        e.askSizes = new long[n];
        for (int i = 0; i < n; i++) {
            e.bidPrices[i] = BookSynchronizerTest.px(Integer.toString(100 - i));
            e.bidSizes[i] = BookSynchronizerTest.px(Integer.toString(1 + i));
            e.askPrices[i] = BookSynchronizerTest.px(Integer.toString(101 + i));
            e.askSizes[i] = BookSynchronizerTest.px(Integer.toString(1 + i));
        }
        return e;
    }

    static MarketEvent bidDiff(long first, long last, String... priceSize) {
        MarketEvent e = event(EventType.BOOK_DELTA, first, last);
        int n = priceSize.length / 2;
        e.bidPrices = new long[n];
        e.bidSizes = new long[n];
        for (int i = 0; i < n; i++) {
            e.bidPrices[i] = BookSynchronizerTest.px(priceSize[2 * i]);
            e.bidSizes[i] = BookSynchronizerTest.px(priceSize[2 * i + 1]);
        }
        e.askPrices = new long[0];
        e.askSizes = new long[0];
        return e;
    }

    private static MarketEvent event(EventType type, long first, long last) {
        MarketEvent e = new MarketEvent();
        e.type = type;
        e.feed = "binance-spot";
        e.nativeSymbol = "BTCUSDT";
        e.symbol = "BTC-USDT";
        e.firstUpdateId = first;
        e.lastUpdateId = last;
        return e;
    }

    static long[] prices(String... p) {
        long[] r = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            r[i] = BookSynchronizerTest.px(p[i]);
        }
        return r;
    }

    @Test
    void levelsBeyondTheBoundArePrunedAndComeBackOnlyWhenAnUpdateNamesThem() {
        BookSynchronizer sync = new BookSynchronizer(10, 100, 3);
        OrderBook book = OrderBook.empty();
        sync.process(book, snapshot(10, 8), out);
        sync.process(book, bidDiff(11, 11, "50", "7"), out); // bridges; a level far below the bound
        assertEquals(3, book.bids.count, "the snapshot's 8 levels and the deep one are pruned to 3");
        assertEquals(3, book.asks.count);
        assertArrayEquals(prices("100", "99", "98"), book.bids.topPrices(10));

        sync.process(book, bidDiff(12, 12, "100.5", "2"), out); // a better level pushes 98 out
        assertArrayEquals(prices("100.5", "100", "99"), book.bids.topPrices(10));

        // removing the top: the pruned 98 and 97 do not reappear (the venue sent no update for them)
        sync.process(book, bidDiff(13, 13, "100.5", "0", "100", "0"), out);
        assertArrayEquals(prices("99"), book.bids.topPrices(10));

        // an update that names a pruned price brings it back, with the update's (absolute) size
        sync.process(book, bidDiff(14, 14, "97", "9"), out);
        assertArrayEquals(prices("99", "97"), book.bids.topPrices(10));
        assertArrayEquals(prices("2", "9"), book.bids.topSizes(10), "kept levels keep their exact sizes");

        // a snapshot restores every level within the bound
        sync.process(book, snapshot(20, 8), out);
        sync.process(book, bidDiff(21, 21, "1", "1"), out);
        assertArrayEquals(prices("100", "99", "98"), book.bids.topPrices(10));
        assertEquals(BookState.SYNCED, book.state);
    }

    @Test
    void aSideThatGrewPastTheBoundShrinksItsArraysBack() {
        BookSynchronizer sync = new BookSynchronizer(10, 100, 5);
        OrderBook book = OrderBook.empty();
        sync.process(book, snapshot(10, 5), out);
        String[] deep = new String[2 * 500]; // 500 new levels below the top 5 in one diff
        for (int i = 0; i < 500; i++) {
            deep[2 * i] = "0." + (1000 + i);
            deep[2 * i + 1] = "1";
        }
        sync.process(book, bidDiff(11, 11, deep), out);
        assertEquals(5, book.bids.count);
        assertTrue(book.bids.prices.length <= 5 + BookSide.PRUNE_SLACK,
                "serialized capacity bounded, got " + book.bids.prices.length);
        assertEquals(book.bids.prices.length, book.bids.sizes.length);
        assertArrayEquals(prices("100", "99", "98", "97", "96"), book.bids.topPrices(10));
    }

    @Test
    void zeroKeepsEveryLevel() {
        BookSynchronizer sync = new BookSynchronizer(10, 100, 0);
        OrderBook book = OrderBook.empty();
        sync.process(book, snapshot(10, 8), out);
        sync.process(book, bidDiff(11, 11, "50", "7"), out);
        assertEquals(9, book.bids.count);
        assertEquals(8, book.asks.count);
    }

    @Test
    void theVenueWindowWinsAndAChecksumDepthIsAFloor() {
        BookSynchronizer sync = new BookSynchronizer(10, 100, 20);
        MarketEvent snap = snapshot(1, 1);
        assertEquals(400, sync.depthLimit(rules(400, null), snap), "the venue's window, even above the bound");
        assertEquals(5, sync.depthLimit(rules(5, null), snap), "the venue's window, even below the bound");
        assertEquals(20, sync.depthLimit(rules(0, null), snap));
        assertEquals(25, sync.depthLimit(rules(0, checksum(25)), snap), "never fewer than the checksum covers");
        assertEquals(0, new BookSynchronizer(10, 100, 0).depthLimit(rules(0, checksum(25)), snap));
    }

    private static BookChecksum checksum(int depth) {
        return new BookChecksum() {
            @Override
            public int depth() {
                return depth;
            }

            @Override
            public long compute(long[] bidPrices, long[] bidSizes, long[] askPrices, long[] askSizes,
                    int priceDecimals, int sizeDecimals, int priceScale, int sizeScale) {
                return 0;
            }
        };
    }

    private static BookSyncRules rules(int window, BookChecksum checksum) {
        return new BookSyncRules() {
            @Override
            public boolean isStale(MarketEvent delta, long snapshotUpdateId) {
                return false;
            }

            @Override
            public boolean bridgesSnapshot(MarketEvent delta, long snapshotUpdateId) {
                return true;
            }

            @Override
            public boolean continues(MarketEvent delta, long previousLastUpdateId) {
                return true;
            }

            @Override
            public String describeExpectation(long previousLastUpdateId) {
                return "";
            }

            @Override
            public int maxDepth(MarketEvent snapshot) {
                return window;
            }

            @Override
            public BookChecksum checksum() {
                return checksum;
            }
        };
    }
}
