package io.rrralgorithms.jobs.book;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.MarketEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A book holds each instrument's levels at one price and one size scale: an update at a finer
 * scale rescales the levels exactly, one at a coarser scale is rescaled to the book's, and when
 * no long mantissa scale holds both the update is a gap with the reason, never a rounded level.
 */
class BookScalesTest {
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
    private final BookSynchronizer sync = new BookSynchronizer(10, 1000);
    private final OrderBook book = OrderBook.empty();

    /** A KuCoin event (sequenced deltas), levels "price:size" at the given scales. */
    private static MarketEvent event(boolean snapshot, int priceScale, int sizeScale, String bids, String asks) {
        MarketEvent e = snapshot ? MarketEvent.snapshot("kucoin", "CAPP-BTC", "CAPP-BTC", 1L)
                : MarketEvent.delta("kucoin", "CAPP-BTC", "CAPP-BTC", 1L);
        e.priceScale = priceScale;
        e.sizeScale = sizeScale;
        long[][] b = levels(bids, priceScale, sizeScale);
        long[][] a = levels(asks, priceScale, sizeScale);
        return e.levels(b[0], b[1], a[0], a[1]);
    }

    private static long[][] levels(String spec, int priceScale, int sizeScale) {
        String[] ls = spec.isEmpty() ? new String[0] : spec.split(",");
        long[] p = new long[ls.length];
        long[] s = new long[ls.length];
        for (int i = 0; i < ls.length; i++) {
            String[] ps = ls[i].split(":");
            p[i] = Decimals.parse(ps[0], priceScale);
            s[i] = Decimals.parse(ps[1], sizeScale);
        }
        return new long[][] {p, s};
    }

    private void syncWith(MarketEvent snapshot, long id) {
        snapshot.lastUpdateId = id;
        sync.process(book, snapshot, out);
    }

    private MarketEvent delta(long id, MarketEvent d) {
        d.firstUpdateId = d.lastUpdateId = id;
        return d;
    }

    private static List<String> side(long[] prices, long[] sizes, BookTop t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            out.add(Decimals.toPlainString(prices[i], t.priceScale) + ":" + Decimals.toPlainString(sizes[i], t.sizeScale));
        }
        return out;
    }

    @Test
    void aFinerUpdateRescalesTheLevelsExactly() {
        syncWith(event(true, 8, 8, "0.00000052:100,0.00000051:2", "0.00000053:7"), 10);
        sync.process(book, delta(11, event(false, 10, 8, "0.0000005201:3", "")), out);
        assertEquals(List.of(), gaps);
        BookTop t = tops.get(tops.size() - 1);
        assertEquals(10, t.priceScale);
        assertEquals(8, t.sizeScale);
        assertEquals(List.of("0.0000005201:3", "0.00000052:100", "0.00000051:2"), side(t.bidPrices, t.bidSizes, t));
        assertEquals(List.of("0.00000053:7"), side(t.askPrices, t.askSizes, t));
        assertArrayEquals(new long[] {5_201L, 5_200L, 5_100L}, t.bidPrices, "mantissas at scale 10");
    }

    @Test
    void aCoarserUpdateIsRescaledToTheBook() {
        syncWith(event(true, 10, 8, "0.0000005201:3", "0.0000005301:1"), 10);
        sync.process(book, delta(11, event(false, 8, 8, "0.00000052:4", "0.00000054:2")), out);
        assertEquals(List.of(), gaps);
        BookTop t = tops.get(tops.size() - 1);
        assertEquals(10, t.priceScale);
        assertEquals(List.of("0.0000005201:3", "0.00000052:4"), side(t.bidPrices, t.bidSizes, t));
        assertEquals(List.of("0.0000005301:1", "0.00000054:2"), side(t.askPrices, t.askSizes, t));
        assertArrayEquals(new long[] {5_301L, 5_400L}, t.askPrices, "the coarser level at the book's scale 10");
    }

    @Test
    void anUpdateExactAtTheBooksCoarserScaleKeepsIt() {
        // FMFW BORUSDT: asks at 99999999999999 hold at scale 4, never at 8
        syncWith(event(true, 4, 4, "0.12:1.5", "99999999999999:0.0001"), 10);
        sync.process(book, delta(11, event(false, 8, 8, "0.13:2", "")), out);
        assertEquals(List.of(), gaps);
        BookTop t = tops.get(tops.size() - 1);
        assertEquals(4, t.priceScale);
        assertEquals(List.of("0.13:2", "0.12:1.5"), side(t.bidPrices, t.bidSizes, t));
        assertEquals(List.of("99999999999999:0.0001"), side(t.askPrices, t.askSizes, t));
    }

    @Test
    void noLongScaleForBothIsAGapNeverARoundedLevel() {
        syncWith(event(true, 4, 4, "0.12:1.5", "99999999999999:0.0001"), 10);
        int before = tops.size();
        sync.process(book, delta(11, event(false, 8, 8, "0.12000001:2", "")), out);
        assertEquals(1, gaps.size());
        assertTrue(gaps.get(0).reason.contains("no long mantissa scale holds both the book's levels and the update's"),
                gaps.get(0).reason);
        assertEquals(BookState.INVALID, book.state);
        assertEquals(before + 1, tops.size());
        assertTrue(!tops.get(tops.size() - 1).synced, "an invalid top, no level of either scale");
        // the book is as it was until the gap: nothing rescaled half-way
        assertEquals(4, book.priceScale);
    }

    @Test
    void aFailedRescaleLeavesBothSidesAsTheyWere() {
        OrderBook b = OrderBook.empty();
        b.loadSnapshot(new long[] {1_200L}, new long[] {15_000L}, new long[] {999_999_999_999_990_000L},
                new long[] {1L}, 1L, 4, 4);
        MarketEvent d = event(false, 8, 8, "0.12000001:2", "");
        assertEquals(null, b.levelsAtBookScale(d));
        assertEquals(4, b.priceScale);
        assertArrayEquals(new long[] {1_200L}, b.bids.topPrices(10), "bids rescaled back");
        assertArrayEquals(new long[] {999_999_999_999_990_000L}, b.asks.topPrices(10));
        assertEquals(new BigDecimal("0.12"), Decimals.toBigDecimal(b.bids.bestPrice(), b.priceScale).stripTrailingZeros());
        assertTrue(Arrays.equals(new long[] {15_000L}, b.bids.topSizes(10)));
    }
}
