package io.rrralgorithms.connectors.adapters.gemini;

import io.rrralgorithms.connectors.adapters.UnsequencedSyncRules;

/**
 * Gemini market data v2 {@code l2}: the first {@code l2_updates} of a symbol is its whole book, the
 * next ones apply on top of it, in order, over the same connection. v2 frames carry no sequence
 * number (v1's {@code socket_sequence} is absent from this API and from the capture), so none of
 * the sequence checks is possible, as for Coinbase. The book is the whole book: no depth window.
 */
final class GeminiSyncRules extends UnsequencedSyncRules {
    GeminiSyncRules() {
        super("any l2_updates (v2 has no sequence numbers)");
    }
}
