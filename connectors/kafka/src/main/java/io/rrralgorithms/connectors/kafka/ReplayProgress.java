package io.rrralgorithms.connectors.kafka;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * A one-line progress bar on a terminal ({@code \r}-redrawn), or a line every few seconds when the
 * output is not a console (CI logs).
 */
final class ReplayProgress {
    private static final long REDRAW_NS = 200_000_000L;
    private static final long LOG_EVERY_NS = 5_000_000_000L;

    private final PrintStream out;
    private final long total;
    private final boolean console;
    /** What the pacing does (empty when not paced), appended to the line. */
    private final Supplier<String> pacing;
    private final long startNs = System.nanoTime();
    private long lastDrawNs;

    ReplayProgress(PrintStream out, long total, Supplier<String> pacing) {
        this.out = out;
        this.pacing = pacing;
        this.total = Math.max(total, 1);
        this.console = System.console() != null;
    }

    void update(long done) {
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDrawNs < (console ? REDRAW_NS : LOG_EVERY_NS)) {
            return;
        }
        lastDrawNs = now;
        draw(done, now, false);
    }

    void finish(long done) {
        if (out != null) {
            draw(done, System.nanoTime(), true);
        }
    }

    private void draw(long done, long now, boolean last) {
        double secs = Math.max((now - startNs) / 1e9, 1e-9);
        double rate = done / secs;
        double frac = last ? 1.0 : Math.min(1.0, done / (double) total);
        int width = 30;
        int filled = (int) Math.round(frac * width);
        long eta = rate > 0 && !last ? (long) ((total - done) / rate) : 0;
        String line = String.format("replay [%s%s] %3.0f%% %,d frames %,.0f frames/s ETA %ds",
                "#".repeat(filled), " ".repeat(width - filled), frac * 100, done, rate, eta);
        String paced = pacing.get();
        if (!paced.isEmpty()) {
            line += " paced " + paced;
        }
        if (console) {
            out.print('\r' + line + (last ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }
}
