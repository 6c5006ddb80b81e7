package io.rrralgorithms.connectors.kafka;

import java.io.PrintStream;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A one-line progress bar on a terminal ({@code \r}-redrawn), or a line every few seconds when the
 * output is not a console (CI logs).
 */
final class ReplayProgress {
    private static final long REDRAW_NS = 200_000_000L;
    private static final long LOG_EVERY_NS = 5_000_000_000L;
    /** An ETA from the first frames is noise (the producer's warm-up): shown after this long and this share. */
    private static final double ETA_AFTER_SECONDS = 3;
    private static final double ETA_AFTER_FRACTION = 0.02;

    private final PrintStream out;
    private final long total;
    private final boolean console;
    /** What the pacing does (empty when not paced), appended to the line. */
    private final Supplier<String> pacing;
    private final LongSupplier nanoTime;
    private final long startNs;
    private long lastDrawNs;
    /** Paced: the replay clock (recorded time since the start, pauses cut) of the last frame sent. */
    private long clockNs = -1;

    ReplayProgress(PrintStream out, long total, Supplier<String> pacing) {
        this(out, total, pacing, System::nanoTime, System.console() != null);
    }

    /** With a clock and the console decided: for tests. */
    ReplayProgress(PrintStream out, long total, Supplier<String> pacing, LongSupplier nanoTime, boolean console) {
        this.out = out;
        this.pacing = pacing;
        this.total = Math.max(total, 1);
        this.console = console;
        this.nanoTime = nanoTime;
        this.startNs = nanoTime.getAsLong();
    }

    /** A paced replay's frame: its recorded time on the replay clock is what the line reports. */
    void update(long done, long clockNs) {
        this.clockNs = clockNs;
        update(done);
    }

    void update(long done) {
        if (out == null) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - lastDrawNs < (console ? REDRAW_NS : LOG_EVERY_NS)) {
            return;
        }
        lastDrawNs = now;
        draw(done, now, false);
    }

    void finish(long done) {
        if (out != null) {
            draw(done, nanoTime.getAsLong(), true);
        }
    }

    private void draw(long done, long now, boolean last) {
        double secs = Math.max((now - startNs) / 1e9, 1e-9);
        double rate = done / secs;
        double frac = last ? 1.0 : Math.min(1.0, done / (double) total);
        int width = 30;
        int filled = (int) Math.round(frac * width);
        String paced = pacing.get();
        String line = String.format("replay [%s%s] %3.0f%% %,d frames %,.0f frames/s",
                "#".repeat(filled), " ".repeat(width - filled), frac * 100, done, rate);
        if (!paced.isEmpty()) {
            // a paced replay's frame rate follows the recording's bursts: its time is the recorded one
            line += (clockNs >= 0 ? " at recorded +" + ReplayPacing.human(clockNs) : "") + " paced " + paced;
        } else if (!last && secs >= ETA_AFTER_SECONDS && frac >= ETA_AFTER_FRACTION && rate > 0) {
            line += " ETA " + ReplayPacing.human((long) ((total - done) / rate * 1e9));
        } else if (last) {
            line += String.format(" in %.1f s", secs);
        }
        if (console) {
            out.print('\r' + line + (last ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }
}
