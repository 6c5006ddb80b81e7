package io.rrralgorithms.connectors.adapters.gemini;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.model.MarketEvent;

/**
 * Gemini market data v2 {@code l2}: the first {@code l2_updates} of a symbol is its whole book, the
 * next ones apply on top of it, in order, over the same connection. v2 frames carry no sequence
 * number (v1's {@code socket_sequence} is absent from this API and from the capture), so none of
 * the sequence checks is possible, as for Coinbase: no diff is stale or a duplicate, every diff
 * continues, a new snapshot (a resubscription) is always authoritative. No gap is ever reported;
 * a lost connection must resubscribe, which sends a fresh book. The book is the whole book: no
 * depth window.
 */
final class GeminiSyncRules implements BookSyncRules {
    @Override
    public boolean isStale(MarketEvent d, long snapshotUpdateId) {
        return false;
    }

    @Override
    public boolean bridgesSnapshot(MarketEvent d, long snapshotUpdateId) {
        return true;
    }

    @Override
    public boolean continues(MarketEvent d, long previousLastUpdateId) {
        return true;
    }

    @Override
    public boolean isDuplicate(MarketEvent d, long lastUpdateId) {
        return false;
    }

    @Override
    public boolean isOlderSnapshot(MarketEvent snapshot, long lastUpdateId) {
        return false;
    }

    @Override
    public String describeExpectation(long previousLastUpdateId) {
        return "any l2_updates (v2 has no sequence numbers)";
    }
}
