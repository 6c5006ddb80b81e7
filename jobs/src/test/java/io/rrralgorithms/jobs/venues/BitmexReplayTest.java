package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.*;

import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.Frames;
import io.rrralgorithms.connectors.venues.Venues;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookTop;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The BitMEX capture ({@code orderBookL2} without sequence numbers, level ids resolved to prices
 * by the decoder) in the replay contract ({@code BitmexOracle}: every book replayed id → price
 * independently; TRXU21, tick 1e-10, is booked at scale 10, its updates' prices resolved from the
 * partial's ids at that scale). Here: unresolvable
 * level ids are gaps, and a partial resyncs.
 */
class BitmexReplayTest {
    static final int DEPTH = 10;

    static void extra(RawCounts e, CaptureReplay r) {
        assertEquals(1, e.fact("unbooked "), "every partial decodes, TRXU21's at scale 10");
        assertEquals(10, e.books.size());
        assertTrue(r.syncedTops.containsKey("TRXU21"), "TRXU21's book syncs");
        assertEquals(10, r.lastTop.get("TRXU21").priceScale);
        assertEquals(0, r.counters.pendingDropped);
        BookTop xbt = r.lastTop.get("XBTUSD");
        assertEquals(DEPTH, xbt.bidPrices.length);
        assertEquals("BTC-USD-PERP", xbt.symbol);
    }

    /**
     * Through the real book protocol: an update whose level id the decoder cannot resolve breaks a
     * synced book (a gap, invalid until the next partial), rows received before a partial are
     * stale, and the next partial resyncs.
     */
    @Test
    void unresolvableLevelIdsAreGapsAndAPartialResyncs() throws Exception {
        CaptureReplay p = new CaptureReplay(DEPTH);
        List<BookTop> tops = p.tops;
        List<BookGap> gaps = p.gaps;
        String sym = "XBTZ21";
        long t0 = 1_626_993_368_000_000_000L;
        // a row before any partial: buffered, then stale once the partial arrives
        feed(p, t0, "update", "{\"symbol\":\"" + sym + "\",\"id\":5,\"side\":\"Buy\",\"size\":1}");
        feed(p, t0 + 1, "partial", "{\"symbol\":\"" + sym + "\",\"id\":1,\"side\":\"Sell\",\"size\":10,\"price\":33000},"
                + "{\"symbol\":\"" + sym + "\",\"id\":2,\"side\":\"Buy\",\"size\":20,\"price\":32999.5}");
        assertEquals(1, p.counters.staleDiffs);
        feed(p, t0 + 2, "update", "{\"symbol\":\"" + sym + "\",\"id\":2,\"side\":\"Buy\",\"size\":25}");
        BookTop synced = tops.get(tops.size() - 1);
        assertTrue(synced.synced);
        assertArrayEquals(new long[] {3_299_950_000_000L}, synced.bidPrices);
        assertArrayEquals(new long[] {2_500_000_000L}, synced.bidSizes);
        assertEquals(List.of(), gaps);
        // id 7 was never inserted: the book cannot follow
        feed(p, t0 + 3, "delete", "{\"symbol\":\"" + sym + "\",\"id\":7,\"side\":\"Buy\"}");
        assertEquals(1, gaps.size());
        assertTrue(gaps.get(0).reason.contains("could not resolve"), gaps.get(0).reason);
        assertFalse(tops.get(tops.size() - 1).synced, "invalid until the next partial");
        feed(p, t0 + 4, "insert", "{\"symbol\":\"" + sym + "\",\"id\":3,\"side\":\"Buy\",\"size\":1,\"price\":32999}");
        assertEquals(1, gaps.size(), "one gap; later rows wait for a partial");
        // a resubscription's partial resyncs; the rows buffered before it are dropped as stale
        feed(p, t0 + 5, "partial", "{\"symbol\":\"" + sym + "\",\"id\":1,\"side\":\"Sell\",\"size\":4,\"price\":33000}");
        feed(p, t0 + 6, "update", "{\"symbol\":\"" + sym + "\",\"id\":1,\"side\":\"Sell\",\"size\":6}");
        BookTop resynced = tops.get(tops.size() - 1);
        assertTrue(resynced.synced);
        assertEquals(0, resynced.bidPrices.length);
        assertArrayEquals(new long[] {600_000_000L}, resynced.askSizes);
        assertEquals(1, gaps.size());
        assertEquals(0, p.counters.decodeErrors);
    }

    private static void feed(CaptureReplay p, long receiveNs, String action, String rows) {
        p.feed(Frames.ws(Venues.forFeed("bitmex"),
                "{\"table\":\"orderBookL2\",\"action\":\"" + action + "\",\"data\":[" + rows + "]}", receiveNs));
    }
}
