package io.rrralgorithms.connectors.util;

import java.time.Clock;
import java.time.Instant;

/**
 * Wall-clock time in ns since the epoch, the clock every latency stage is measured on: the capture
 * stamps a frame's receive time with it, a replay its publish time, each stage its own moment. One
 * clock for all threads and processes of a machine (System.nanoTime has no epoch); microsecond
 * resolution on Linux.
 */
public final class WallClock {
    private static final Clock UTC = Clock.systemUTC();

    private WallClock() {}

    public static long nowNs() {
        Instant now = UTC.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
