package io.rrralgorithms.connectors.adapters.gemini;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.ExchangeAdapter;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.instruments.InstrumentMetadata;

/**
 * Gemini market data v2 ({@code wss://api.gemini.com/v2/marketdata}), subscription {@code l2}:
 * books and trades. Native symbols are Gemini's upper-case symbols ({@code BTCUSD}). See
 * {@link GeminiFrameDecoder} and {@link GeminiSyncRules}.
 */
public final class GeminiAdapter implements ExchangeAdapter {
    public static final String FEED = "gemini";

    private final FrameDecoder decoder = new GeminiFrameDecoder(FEED);
    private final BookSyncRules rules = new GeminiSyncRules();
    private final InstrumentMetadata instruments = new GeminiInstruments(FEED);

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

    /** The frame's {@code symbol}, by a byte scan (the first one: the book's, before its trades). */
    @Override
    public String partitionKey(byte[] payload) {
        return PayloadScan.valueAfter(payload, "\"symbol\":\"", '"');
    }

    @Override
    public String cryptofeedExchange() {
        return "GEMINI";
    }

    @Override
    public InstrumentMetadata instrumentMetadata() {
        return instruments;
    }
}
