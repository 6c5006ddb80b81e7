package io.rrralgorithms.connectors.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * When each frame of a paced replay is due: its place on a replay clock that runs {@code speed}
 * times faster than the recording. Two clocks:
 *
 * <ul>
 *   <li>{@link Mode#PER_FEED} (the default): every feed starts at the replay's start and keeps the
 *       pauses between its own frames, so feeds recorded weeks apart play side by side and the
 *       replay lasts as long as the longest feed (span / speed);
 *   <li>{@link Mode#ALIGNED}: one clock for all feeds, in receive-time order, so frames of different
 *       feeds keep their recorded distance (what a live capture of all of them at once looks like).
 * </ul>
 *
 * <p>On either clock a pause longer than {@code maxPause} (in recorded time) is cut to nothing: it is
 * a gap between recordings (files of different days, a capture restarted, feeds recorded weeks apart
 * in aligned mode), not market time worth sleeping through. The cut pauses are counted and said in
 * the progress line.
 */
final class ReplayPacing {
    /** How the feeds of one replay share its clock. */
    enum Mode {
        PER_FEED, ALIGNED;

        /** {@code per-feed} or {@code aligned}. */
        static Mode parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "per-feed" -> PER_FEED;
                case "aligned" -> ALIGNED;
                default -> throw new IllegalArgumentException("pace must be per-feed or aligned, not '" + s + "'");
            };
        }

        String label() {
            return this == PER_FEED ? "per feed" : "aligned";
        }
    }

    private final double speed;
    private final Mode mode;
    private final long maxPauseNs;
    /** Per clock (a feed's, or the one shared clock under {@link Mode#ALIGNED}): the last frame seen. */
    private final Map<String, long[]> clocks = new HashMap<>();
    private long skippedPauses;
    private long skippedNs;

    ReplayPacing(double speed, Mode mode, Duration maxPause) {
        if (speed < 0) {
            throw new IllegalArgumentException("speed must be >= 0");
        }
        if (maxPause.isNegative()) {
            throw new IllegalArgumentException("max pause must be >= 0");
        }
        this.speed = speed;
        this.mode = mode;
        this.maxPauseNs = maxPause.toNanos();
    }

    boolean paced() {
        return speed > 0;
    }

    /**
     * The recorded time of a frame on the replay clock, in ns from the replay's start, before the
     * speed factor: call it once per frame, in the order the frames of a feed are read (aligned mode:
     * in the merged order).
     */
    long clockNs(String feed, long receiveTimeNs) {
        long[] clock = clocks.get(mode == Mode.PER_FEED ? feed : "");
        if (clock == null) {
            clocks.put(mode == Mode.PER_FEED ? feed : "", new long[] {receiveTimeNs, 0});
            return 0;
        }
        // a receive time earlier than the previous frame's (clock steps of the recorder) does not go back
        long pause = Math.max(0, receiveTimeNs - clock[0]);
        if (pause > maxPauseNs) {
            skippedPauses++;
            skippedNs += pause;
            pause = 0;
        }
        clock[0] = Math.max(clock[0], receiveTimeNs);
        clock[1] += pause;
        return clock[1];
    }

    /** Wall-clock ns after the replay's start at which a frame at {@code clockNs} is due. */
    long dueAfterNs(long clockNs) {
        return (long) (clockNs / speed);
    }

    long skippedPauses() {
        return skippedPauses;
    }

    /** What the pacing does, for the progress line: e.g. {@code ×5 per feed, 2 pauses > 60s cut (21d 3h)}. */
    String describe() {
        if (!paced()) {
            return "";
        }
        String s = String.format(Locale.ROOT, "×%s %s", trim(speed), mode.label());
        if (skippedPauses > 0) {
            s += String.format(Locale.ROOT, ", %d pause%s > %ss cut (%s)", skippedPauses, skippedPauses == 1 ? "" : "s",
                    trim(maxPauseNs / 1e9), human(skippedNs));
        }
        return s;
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    static String human(long ns) {
        long s = ns / 1_000_000_000L;
        if (s >= 86_400) {
            return s / 86_400 + "d " + (s % 86_400) / 3600 + "h";
        }
        if (s >= 3600) {
            return s / 3600 + "h " + (s % 3600) / 60 + "m";
        }
        if (s >= 60) {
            return s / 60 + "m " + s % 60 + "s";
        }
        return s + "s";
    }
}
