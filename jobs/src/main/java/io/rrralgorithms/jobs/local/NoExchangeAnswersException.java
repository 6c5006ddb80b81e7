package io.rrralgorithms.jobs.local;

/**
 * The live run's exchange(s) did not answer a WebSocket handshake within the connect timeout
 * (no network, a firewall, a venue down). The message is the one line to print.
 */
public final class NoExchangeAnswersException extends IllegalStateException {
    public NoExchangeAnswersException(String message) {
        super(message);
    }
}
