package io.rrralgorithms.connectors.adapters.binance;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.model.MarketEvent;

/**
 * Binance USDⓈ-M / COIN-M futures: drop diffs with {@code u < lastUpdateId}; the first diff must
 * have {@code U <= lastUpdateId <= u}; each next diff's {@code pu} equals the previous {@code u}.
 */
final class BinanceFuturesSyncRules implements BookSyncRules {
    @Override
    public boolean isStale(MarketEvent d, long snapshotUpdateId) {
        return d.lastUpdateId < snapshotUpdateId;
    }

    @Override
    public boolean bridgesSnapshot(MarketEvent d, long snapshotUpdateId) {
        return d.firstUpdateId <= snapshotUpdateId && d.lastUpdateId >= snapshotUpdateId;
    }

    @Override
    public boolean continues(MarketEvent d, long previousLastUpdateId) {
        return d.prevUpdateId == previousLastUpdateId;
    }

    @Override
    public String describeExpectation(long previousLastUpdateId) {
        return "pu == " + previousLastUpdateId;
    }
}
