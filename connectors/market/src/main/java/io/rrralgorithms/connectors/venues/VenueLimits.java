package io.rrralgorithms.connectors.venues;

import java.time.Duration;

/**
 * The connection and subscription limits of a venue that the capture service respects. The
 * numbers are those the service paces itself to, which may be below the venue's published limit
 * where the venue counts frames the pacing does not see (Binance counts the pongs the client sends
 * by itself).
 *
 * @param maxStreamsPerConnection    streams (symbol × channel) one connection carries at most;
 *                                   more streams are split across connections
 * @param maxStreamsPerSubscribe     streams one subscribe message names at most
 * @param maxMessagesPerSecond       messages the client sends on one connection per rolling
 *                                   second at most (subscribes and application heartbeats)
 * @param maxConnectsPerWindow       connection attempts per {@code connectWindow} at most (all
 *                                   connections of the venue together)
 * @param connectWindow              the window of {@code maxConnectsPerWindow}
 * @param maxSnapshotRequestsPerSecond REST snapshot requests per rolling second at most (all
 *                                   connections of the venue together); unused without snapshots
 */
public record VenueLimits(int maxStreamsPerConnection, int maxStreamsPerSubscribe, int maxMessagesPerSecond,
        int maxConnectsPerWindow, Duration connectWindow, int maxSnapshotRequestsPerSecond) {

    public VenueLimits {
        if (maxStreamsPerConnection < 1 || maxStreamsPerSubscribe < 1 || maxMessagesPerSecond < 1
                || maxConnectsPerWindow < 1 || maxSnapshotRequestsPerSecond < 1) {
            throw new IllegalArgumentException("limits must be >= 1");
        }
        if (connectWindow == null || connectWindow.isNegative() || connectWindow.isZero()) {
            throw new IllegalArgumentException("connectWindow must be positive");
        }
    }
}
