package io.rrralgorithms.connectors.adapters.coinbase;

import io.rrralgorithms.connectors.adapters.UnsequencedSyncRules;

/**
 * Coinbase {@code level2} (2021): on subscription the venue sends one {@code snapshot} per
 * product, then {@code l2update}s that apply on top of it, in order, over the same connection.
 * Neither carries a sequence number, so none of the sequence checks is possible; no gap is ever
 * reported for this feed.
 */
final class CoinbaseSyncRules extends UnsequencedSyncRules {
    CoinbaseSyncRules() {
        super("any l2update (level2 has no sequence numbers)");
    }
}
