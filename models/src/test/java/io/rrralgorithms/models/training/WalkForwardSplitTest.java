package io.rrralgorithms.models.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.models.training.WalkForwardSplit.Bounds;
import io.rrralgorithms.models.training.WalkForwardSplit.Window;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WalkForwardSplitTest {
    private static final long H_MS = 3_000;
    private static final long JULY = 1_721_260_800_000L; // 2024-07-18
    private static final long AUGUST = 1_723_075_200_000L; // 2024-08-08

    /** One row a second for {@code seconds} seconds from {@code fromMs}. */
    private static List<LabeledRow> rows(String instrument, long fromMs, int seconds) {
        List<LabeledRow> out = new ArrayList<>();
        for (int i = 0; i < seconds; i++) {
            out.add(new LabeledRow(instrument, fromMs + i * 1000L, new float[] {i}, 0, 0));
        }
        return out;
    }

    @Test
    void windowsNeverOverlapLabels() {
        List<LabeledRow> all = new ArrayList<>(rows("a:X", JULY, 400));
        all.addAll(rows("b:Y", AUGUST, 250));
        List<Window> windows = WalkForwardSplit.of(all, 4, 0.5, 0.25, H_MS);
        assertEquals(4, windows.size());
        for (Window w : windows) {
            for (Bounds b : w.bounds().values()) {
                String i = b.instrument();
                // every train/validation label window [t, t + H] ends before the next slice starts
                for (LabeledRow r : w.train()) {
                    if (r.instrument().equals(i)) {
                        assertTrue(r.timeMs() + H_MS < b.validationFromMs(), "train label crosses into validation");
                    }
                }
                for (LabeledRow r : w.validation()) {
                    if (r.instrument().equals(i)) {
                        assertTrue(r.timeMs() >= b.validationFromMs());
                        assertTrue(r.timeMs() + H_MS < b.testFromMs(), "validation label crosses into the test window");
                    }
                }
                boolean last = w.index() == windows.size();
                for (LabeledRow r : w.test()) {
                    if (r.instrument().equals(i)) {
                        assertTrue(r.timeMs() >= b.testFromMs() && r.timeMs() < b.testToMs());
                        if (!last) {
                            assertTrue(r.timeMs() + H_MS < b.testToMs(), "test label crosses into the next window");
                        }
                    }
                }
            }
        }
        // consecutive test windows of an instrument touch and never overlap; exactly H seconds are dropped at
        // each boundary (so the purge is neither missing nor wider than needed)
        for (String i : List.of("a:X", "b:Y")) {
            Set<Long> seen = new HashSet<>();
            for (int k = 0; k < windows.size(); k++) {
                Bounds b = windows.get(k).bounds().get(i);
                if (k + 1 < windows.size()) {
                    assertEquals(b.testToMs(), windows.get(k + 1).bounds().get(i).testFromMs());
                }
                long seconds = (b.testToMs() - b.testFromMs() + 999) / 1000; // the last window ends 1 ms after its last row
                long testRows = windows.get(k).test().stream().filter(r -> r.instrument().equals(i)).count();
                assertEquals(k + 1 < windows.size() ? seconds - 3 : seconds, testRows);
                long validationRows = windows.get(k).validation().stream().filter(r -> r.instrument().equals(i))
                        .count();
                assertEquals((b.testFromMs() - b.validationFromMs()) / 1000 - 3, validationRows);
                for (LabeledRow r : windows.get(k).test()) {
                    if (r.instrument().equals(i)) {
                        assertTrue(seen.add(r.timeMs()), "a row in two test windows");
                    }
                }
            }
        }
        // a train slice only grows: window k+1 trains on window k's test rows too
        assertTrue(windows.get(3).train().size() > windows.get(0).train().size());
    }

    @Test
    void everyInstrumentHasTestRowsInEveryWindowOnItsOwnTimeline() {
        // July perpetual and August spot never overlap: a global-time split would test on August only
        List<LabeledRow> all = new ArrayList<>(rows("binance-usdm:BTCUSDT", JULY, 600));
        all.addAll(rows("binance-spot:BTCUSDT", AUGUST, 300));
        List<Window> windows = WalkForwardSplit.of(all, 3, 0.4, 0.2, 1_000);
        for (Window w : windows) {
            for (String i : List.of("binance-usdm:BTCUSDT", "binance-spot:BTCUSDT")) {
                long test = w.test().stream().filter(r -> r.instrument().equals(i)).count();
                long train = w.train().stream().filter(r -> r.instrument().equals(i)).count();
                long validation = w.validation().stream().filter(r -> r.instrument().equals(i)).count();
                assertTrue(test > 0 && train > 0 && validation > 0,
                        "window " + w.index() + " " + i + ": train " + train + " val " + validation + " test " + test);
            }
            // each instrument's test window lies in its own capture
            Bounds perp = w.bounds().get("binance-usdm:BTCUSDT");
            Bounds spot = w.bounds().get("binance-spot:BTCUSDT");
            assertTrue(perp.testToMs() <= JULY + 600_000 && spot.testFromMs() >= AUGUST);
        }
        // together the windows test each instrument's seconds after its initial 40 %
        long perpTested = windows.stream().flatMap(w -> w.test().stream())
                .filter(r -> r.instrument().startsWith("binance-usdm")).count();
        assertEquals(600 - 240 - 2, perpTested); // two inner boundaries drop H = 1 s each
        assertEquals(JULY + 240_000, windows.get(0).bounds().get("binance-usdm:BTCUSDT").testFromMs());
        assertEquals(AUGUST + 120_000, windows.get(0).bounds().get("binance-spot:BTCUSDT").testFromMs());
    }

    @Test
    void tooFewSecondsIsOneClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WalkForwardSplit.of(rows("a:X", JULY, 12), 4, 0.5, 0.2, 1_000));
        assertTrue(e.getMessage().contains("a:X has 12 labeled seconds"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WalkForwardSplit.of(rows("a:X", JULY, 100), 0, 0.5, 0.2,
                1_000));
    }
}
