package io.rrralgorithms.connectors.adapters.binance;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.model.MarketEvent;

/**
 * Binance spot "how to manage a local order book correctly": drop diffs with
 * {@code u <= lastUpdateId}; the first diff must have {@code U <= lastUpdateId + 1 <= u}; each
 * next diff's {@code U} equals the previous {@code u + 1}.
 */
final class BinanceSpotSyncRules implements BookSyncRules {
    @Override
    public boolean isStale(MarketEvent d, long snapshotUpdateId) {
        return d.lastUpdateId <= snapshotUpdateId;
    }

    @Override
    public boolean bridgesSnapshot(MarketEvent d, long snapshotUpdateId) {
        return d.firstUpdateId <= snapshotUpdateId + 1 && d.lastUpdateId >= snapshotUpdateId + 1;
    }

    @Override
    public boolean continues(MarketEvent d, long previousLastUpdateId) {
        return d.firstUpdateId == previousLastUpdateId + 1;
    }

    @Override
    public String describeExpectation(long previousLastUpdateId) {
        return "U == " + (previousLastUpdateId + 1);
    }
}
