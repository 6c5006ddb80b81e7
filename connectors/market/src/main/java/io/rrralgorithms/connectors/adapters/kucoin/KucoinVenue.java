package io.rrralgorithms.connectors.adapters.kucoin;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.adapters.SequencedSyncRules;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * KuCoin spot: WebSocket {@code /market/level2}, {@code /market/match}, {@code /market/ticker}
 * (and {@code /market/candles}, ignored), synced with REST level2 snapshots by sequence like
 * Binance spot, but per change ({@link #RULES}, {@link KucoinFrameDecoder}). The native symbol is
 * KuCoin's {@code symbol} ({@code BCHSV-USDT}), normalized by {@link KucoinSymbols}.
 */
public final class KucoinVenue {
    public static final String FEED = "kucoin";

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
    static final BookSyncRules RULES = SequencedSyncRules.nextFirstId("sequence ");

    public static final Venue VENUE = Venue.declare(FEED, "KUCOIN", KucoinFrameDecoder::new, KucoinSymbols.BOTH_WAYS,
            RULES, KucoinVenue::partitionKey, KucoinInstruments::new)
            // /api/v3/market/orderbook/level2?symbol=X (also v1/v2 and the level2_20/_100 partial books)
            .snapshotUrl(Venue.snapshotUrlMatching(
                    "/market/orderbook/level2(?:_\\d+)?\\?(?:.*&)?symbol=([A-Za-z0-9]+-[A-Za-z0-9]+)"))
            .live(new KucoinLiveVenue()).build();

    private KucoinVenue() {}

    /**
     * The symbol of the frame's {@code topic} ({@code "/market/level2:BCHSV-USDT"}; a candles topic
     * {@code "/market/candles:DAPPT-BTC_1min"} without its interval); null for frames without a
     * topic (welcome, ack, pong).
     */
    static String partitionKey(byte[] payload) {
        String s = PayloadScan.lastPartOf(payload, "topic", ':');
        if (s == null) {
            return null;
        }
        int interval = s.indexOf('_');
        return interval > 0 ? s.substring(0, interval) : s;
    }
}
