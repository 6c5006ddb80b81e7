package io.rrralgorithms.connectors.adapters.okcoin;

import io.rrralgorithms.connectors.adapters.okx.OkxFrameDecoder;
import io.rrralgorithms.connectors.adapters.okx.OkxInstruments;
import io.rrralgorithms.connectors.adapters.okx.OkxSyncRules;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * OKCoin, public WebSocket API v5 ({@code wss://real.okcoin.com:8443/ws/v5/public}): since 2023
 * OKCoin runs OKX's v5 API, so the feed is OKX's decoder ({@link OkxFrameDecoder}: {@code books},
 * {@code trades}, {@code tickers}; candles ignored), book rules ({@link OkxSyncRules}: 400-level
 * window, signed CRC32 of the top 25 on the snapshot and every update; no {@code seqId} in the
 * recorded 2023 frames, so receive-time ids) and instrument list reader, declared with OKCoin's
 * feed id, endpoint and symbols ({@link OkcoinSymbols}: spot pairs only, the {@code instId}
 * {@code BTC-USD} as it is).
 */
public final class OkcoinVenue {
    public static final String FEED = "okcoin";

    /**
     * As OKX: the decoder keeps the trade subscription times (one per stream reader); frames (data
     * and subscription acks) are keyed by the {@code instId} of their {@code arg}.
     */
    public static final Venue VENUE = Venue.declare(FEED, "OKCOIN", f -> new OkxFrameDecoder(f, OkcoinSymbols::normalize),
            OkcoinSymbols.BOTH_WAYS, new OkxSyncRules(), Venue.keyedByField("instId"),
            f -> new OkxInstruments(f, "https://www.okcoin.com/api/v5/public/instruments?instType=", "SPOT"))
            .decoderKeepsState()
            .live(new OkcoinLiveVenue()).build();

    private OkcoinVenue() {}
}
