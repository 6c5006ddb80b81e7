package io.rrralgorithms.connectors.adapters.kucoin;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.model.MarketEvent;

/**
 * KuCoin level2: every change of a symbol's book has its own {@code sequence}, consecutive per
 * symbol, and the REST snapshot ({@code /api/v3/market/orderbook/level2}) states the
 * {@code sequence} it contains. {@link KucoinFrameDecoder} emits one delta per change
 * ({@code firstUpdateId == lastUpdateId ==} the change's sequence), so the documented procedure
 * ("buffer, drop what the snapshot contains, apply from snapshot sequence + 1 on, in order") is
 * exact per change:
 *
 * <ul>
 *   <li>stale: a change with {@code sequence <= snapshot sequence} (already in the snapshot);
 *   <li>the first change applied must be {@code snapshot sequence + 1};
 *   <li>each next change must be the previous one's {@code sequence + 1}.
 * </ul>
 *
 * Written generally ({@code U <= s + 1 <= u}, {@code U == previous u + 1}) it holds for a delta
 * spanning several sequences as well. KuCoin sends no book checksum. The REST snapshot is the full
 * book, and the diffs are of the full book: no depth window.
 */
final class KucoinSyncRules implements BookSyncRules {
    @Override
    public boolean isStale(MarketEvent d, long snapshotSequence) {
        return d.lastUpdateId <= snapshotSequence;
    }

    @Override
    public boolean bridgesSnapshot(MarketEvent d, long snapshotSequence) {
        return d.firstUpdateId <= snapshotSequence + 1 && d.lastUpdateId >= snapshotSequence + 1;
    }

    @Override
    public boolean continues(MarketEvent d, long previousSequence) {
        return d.firstUpdateId == previousSequence + 1;
    }

    @Override
    public String describeExpectation(long previousSequence) {
        return "sequence " + (previousSequence + 1);
    }
}
