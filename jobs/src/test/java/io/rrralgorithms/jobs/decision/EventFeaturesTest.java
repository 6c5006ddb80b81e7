package io.rrralgorithms.jobs.decision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.model.Decimals;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The incremental features against a brute-force recomputation from the whole event history after
 * every event: random books, BBOs and trades, times that repeat and step back, windows short enough
 * that entries expire and long enough that the rings grow.
 */
class EventFeaturesTest {
    static final long FLOW_MS = 250;
    static final long VOL_MS = 900;
    static final int LEVELS = 3;

    /** One event as given to the features. */
    record Event(char kind, long timeMs, long[] bidPrices, long[] bidSizes, long[] askPrices, long[] askSizes,
            long size, boolean buy) {}

    @Test
    void incrementalFeaturesEqualABruteForceRecomputationAfterEveryEvent() {
        for (long seed = 1; seed <= 20; seed++) {
            for (boolean withBbo : new boolean[] {false, true}) {
                check(new Random(seed), withBbo, 3_000);
            }
        }
    }

    private static void check(Random rnd, boolean withBbo, int n) {
        EventFeatures f = new EventFeatures(FLOW_MS, VOL_MS, LEVELS);
        List<Event> history = new ArrayList<>();
        long t = 1_723_161_600_000L;
        long mid = 6_000_000_000_000L; // 60,000.00000000
        for (int i = 0; i < n; i++) {
            t += rnd.nextInt(10) == 0 ? -rnd.nextInt(20) : rnd.nextInt(8); // repeats and steps back
            mid += (rnd.nextInt(5) - 2) * 1_000_000L;
            int r = rnd.nextInt(10);
            Event e;
            if (r < 5) {
                e = book(rnd, t, mid);
                f.onBook(e.bidPrices, e.bidSizes, e.askPrices, e.askSizes, e.timeMs);
            } else if (r < 7 && withBbo) {
                long half = (1 + rnd.nextInt(3)) * 1_000_000L;
                e = new Event('q', t, new long[] {mid - half}, new long[] {size(rnd)}, new long[] {mid + half},
                        new long[] {size(rnd)}, 0, false);
                f.onBbo(e.bidPrices[0], e.bidSizes[0], e.askPrices[0], e.askSizes[0], e.timeMs);
            } else {
                e = new Event('t', t, null, null, null, null, size(rnd), rnd.nextBoolean());
                f.onTrade(e.size, e.buy, e.timeMs);
            }
            history.add(e);
            float[] expected = bruteForce(history);
            assertEquals(expected != null, f.ready(), "ready after event " + i);
            if (expected != null) {
                float[] got = f.vector();
                for (int k = 0; k < EventFeatures.SIZE; k++) {
                    assertEquals(expected[k], got[k], 1e-5 * Math.max(1.0, Math.abs(expected[k])),
                            EventFeatures.NAMES[k] + " after event " + i + " (seed run, bbo " + withBbo + ")");
                }
            }
        }
    }

    /** Every feature from the whole history, the definitions applied directly. */
    static float[] bruteForce(List<Event> history) {
        long clock = Long.MIN_VALUE;
        long[] clocks = new long[history.size()];
        boolean bbo = false;
        List<long[]> bests = new ArrayList<>(); // {clock, bid, bidQty, ask, askQty} per best-level update
        Event lastBook = null;
        for (int i = 0; i < history.size(); i++) {
            Event e = history.get(i);
            clock = Math.max(clock, e.timeMs);
            clocks[i] = clock;
            if (e.kind == 'q') {
                bbo = true;
                bests.add(new long[] {clock, e.bidPrices[0], e.bidSizes[0], e.askPrices[0], e.askSizes[0]});
            } else if (e.kind == 'b') {
                lastBook = e;
                if (!bbo) {
                    bests.add(new long[] {clock, e.bidPrices[0], e.bidSizes[0], e.askPrices[0], e.askSizes[0]});
                }
            }
        }
        if (bests.isEmpty()) {
            return null;
        }
        long[] best = bests.get(bests.size() - 1);
        double bid = best[1];
        double ask = best[3];
        long ofi = 0;
        double r2 = 0;
        for (int i = 1; i < bests.size(); i++) {
            long[] p = bests.get(i - 1);
            long[] c = bests.get(i);
            if (c[0] > clock - FLOW_MS) {
                ofi += (c[1] >= p[1] ? c[2] : 0) - (c[1] <= p[1] ? p[2] : 0) - (c[3] <= p[3] ? c[4] : 0)
                        + (c[3] >= p[3] ? p[4] : 0);
            }
            if (c[0] > clock - VOL_MS && (c[1] != p[1] || c[3] != p[3])) {
                double r = Math.log(((double) c[1] + c[3]) / ((double) p[1] + p[3]));
                r2 += r * r;
            }
        }
        long buys = 0;
        long sells = 0;
        int trades = 0;
        for (int i = 0; i < history.size(); i++) {
            Event e = history.get(i);
            if (e.kind == 't' && clocks[i] > clock - FLOW_MS) {
                trades++;
                if (e.buy) {
                    buys += e.size;
                } else {
                    sells += e.size;
                }
            }
        }
        double imbalance = 0;
        if (lastBook != null) {
            long b = 0;
            long a = 0;
            for (int k = 0; k < Math.min(LEVELS, lastBook.bidSizes.length); k++) {
                b += lastBook.bidSizes[k];
            }
            for (int k = 0; k < Math.min(LEVELS, lastBook.askSizes.length); k++) {
                a += lastBook.askSizes[k];
            }
            imbalance = b + a == 0 ? 0 : (double) (b - a) / (b + a);
        }
        double midPrice = (bid + ask) / 2;
        double micro = (bid * best[4] + ask * best[2]) / (best[2] + best[4]);
        return new float[] {(float) ((ask - bid) / midPrice * 1e4), (float) ((micro - midPrice) / ((ask - bid) / 2)),
            (float) imbalance, (float) Decimals.toDouble(ofi),
            (float) (buys + sells == 0 ? 0 : (double) (buys - sells) / (buys + sells)), trades,
            (float) (Math.sqrt(r2) * 1e4)};
    }

    private static Event book(Random rnd, long t, long mid) {
        int levels = 1 + rnd.nextInt(5);
        long[] bp = new long[levels];
        long[] bs = new long[levels];
        long[] ap = new long[levels];
        long[] as = new long[levels];
        long half = (1 + rnd.nextInt(3)) * 1_000_000L;
        for (int k = 0; k < levels; k++) {
            bp[k] = mid - half - k * 1_000_000L;
            ap[k] = mid + half + k * 1_000_000L;
            bs[k] = size(rnd);
            as[k] = size(rnd);
        }
        return new Event('b', t, bp, bs, ap, as, 0, false);
    }

    private static long size(Random rnd) {
        return (1 + rnd.nextInt(5_000)) * 100_000L; // 0.001 .. 5 BTC
    }

    @Test
    void aBboStreamTakesOverTheBestLevelFromTheBook() {
        EventFeatures f = new EventFeatures(1_000, 10_000, 5);
        assertFalse(f.ready());
        f.onBook(new long[] {100}, new long[] {10}, new long[] {102}, new long[] {30}, 1);
        assertTrue(f.ready());
        assertEquals(-0.5f, f.vector()[1], 1e-6); // microprice below mid: more size on the ask
        f.onBbo(101, 30, 103, 10, 2);
        f.onBook(new long[] {90}, new long[] {10}, new long[] {200}, new long[] {30}, 3); // depth only now
        float[] v = f.vector();
        assertEquals(0.5f, v[1], 1e-6);
        assertEquals(-0.5f, v[2], 1e-6);
        assertEquals(2.0 / 102 * 1e4, v[0], 1e-2);
    }

    @Test
    void windowsForgetWhatIsOlderThanTheirLength() {
        EventFeatures f = new EventFeatures(100, 100, 1);
        f.onBook(new long[] {100}, new long[] {10}, new long[] {102}, new long[] {10}, 0);
        f.onTrade(5, true, 0);
        f.onTrade(3, false, 50);
        assertArrayEquals(new float[] {2, 1}, new float[] {f.vector()[5], f.vector()[4] * 4}, 1e-6f); // (5-3)/8
        f.onTrade(1, false, 100); // the trade at 0 leaves (100 - 100, 100]
        assertEquals(2, f.vector()[5]);
        assertEquals((0 - 4) / 4f, f.vector()[4], 1e-6); // sells 3 + 1, no buys
        f.onTrade(1, true, 10_000);
        assertEquals(1, f.vector()[5]);
        assertEquals(0f, f.vector()[6], 0f); // no return in the window
    }
}
