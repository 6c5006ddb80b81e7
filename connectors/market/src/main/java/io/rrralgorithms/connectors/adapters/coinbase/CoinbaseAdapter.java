package io.rrralgorithms.connectors.adapters.coinbase;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.ExchangeAdapter;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.PayloadScan;

/**
 * Coinbase (Exchange / "Pro") WebSocket feed, {@code level2} + {@code ticker} + {@code matches}
 * channels as recorded in 2021. Products are already {@code BASE-QUOTE} (e.g. {@code SKL-USD}),
 * so the native and the normalized symbol are both the {@code product_id}.
 */
public final class CoinbaseAdapter implements ExchangeAdapter {
    public static final String FEED = "coinbase";

    private final FrameDecoder decoder = new CoinbaseFrameDecoder(FEED);
    private final BookSyncRules rules = new CoinbaseSyncRules();
    private final CoinbaseInstruments instruments = new CoinbaseInstruments(FEED);

    @Override
    public String feed() {
        return FEED;
    }

    @Override
    public FrameDecoder decoder() {
        return decoder;
    }

    @Override
    public BookSyncRules bookSyncRules() {
        return rules;
    }


    /** The {@code product_id} of the frame, by a byte scan (no JSON parse on the capture hot path). */
    @Override
    public String partitionKey(byte[] payload) {
        return PayloadScan.valueAfter(payload, "\"product_id\":\"", '"');
    }

    /** {@code GET /products} ({@link CoinbaseInstruments}). */
    @Override
    public CoinbaseInstruments instrumentMetadata() {
        return instruments;
    }

    @Override
    public String cryptofeedExchange() {
        return "COINBASE";
    }
}
