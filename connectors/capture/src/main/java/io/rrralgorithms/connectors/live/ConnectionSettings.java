package io.rrralgorithms.connectors.live;

import java.time.Duration;

/**
 * How one live connection behaves.
 *
 * @param connectTimeout     TCP connect plus WebSocket handshake, at most
 * @param silenceTimeout     a connection with no frame for this long is dropped and reconnected
 * @param backoff            waits between reconnects (exponential, full jitter)
 * @param resetBackoffAfter  a connection that stayed up this long starts the backoff over
 * @param snapshotDelay      wait after a symbol's first book diff before its REST snapshot request
 * @param restTimeout        a REST snapshot request, at most
 * @param snapshotRefresh    where snapshots come over REST, every symbol's is fetched again this often, so
 *                           that the raw topic always holds a recent one (a backfill from any start rebuilds
 *                           its books from it); zero: only when a session starts or a resync asks
 */
public record ConnectionSettings(Duration connectTimeout, Duration silenceTimeout, Backoff backoff,
        Duration resetBackoffAfter, Duration snapshotDelay, Duration restTimeout, Duration snapshotRefresh) {

    /** Snapshots refreshed every 10 minutes by default. */
    public static final Duration DEFAULT_SNAPSHOT_REFRESH = Duration.ofMinutes(10);

    public static ConnectionSettings defaults() {
        return new ConnectionSettings(Duration.ofSeconds(10), Duration.ofSeconds(30),
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30)), Duration.ofSeconds(60),
                Duration.ofMillis(250), Duration.ofSeconds(10), DEFAULT_SNAPSHOT_REFRESH);
    }
}
