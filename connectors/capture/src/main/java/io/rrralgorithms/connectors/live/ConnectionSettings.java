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
 */
public record ConnectionSettings(Duration connectTimeout, Duration silenceTimeout, Backoff backoff,
        Duration resetBackoffAfter, Duration snapshotDelay, Duration restTimeout) {

    public static ConnectionSettings defaults() {
        return new ConnectionSettings(Duration.ofSeconds(10), Duration.ofSeconds(30),
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30)), Duration.ofSeconds(60),
                Duration.ofMillis(250), Duration.ofSeconds(10));
    }
}
