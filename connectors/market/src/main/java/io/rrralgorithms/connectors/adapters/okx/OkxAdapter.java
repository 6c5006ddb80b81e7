package io.rrralgorithms.connectors.adapters.okx;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.ExchangeAdapter;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.instruments.InstrumentMetadata;

/**
 * OKX, public WebSocket API v5 ({@code wss://ws.okx.com:8443/ws/v5/public}): {@code books},
 * {@code trades}, {@code tickers}, {@code bbo-tbt} and {@code funding-rate} for spot, swaps,
 * futures and options (see {@link OkxFrameDecoder}, {@link OkxSyncRules}). The native symbol is
 * the {@code instId} ({@code BTC-USDT}, {@code BTC-USDT-SWAP}, {@code BTC-USD-220527}).
 */
public final class OkxAdapter implements ExchangeAdapter {
    public static final String FEED = "okx";

    private final BookSyncRules rules = new OkxSyncRules();
    private final InstrumentMetadata instruments = new OkxInstruments(FEED);

    @Override
    public String feed() {
        return FEED;
    }

    @Override
    public FrameDecoder decoder() {
        return new OkxFrameDecoder(FEED); // stateful (trade subscription times): one per stream reader
    }

    @Override
    public BookSyncRules bookSyncRules() {
        return rules;
    }

    /** The {@code instId} of the frame's {@code arg} (data frames and subscription acks); a byte scan. */
    @Override
    public String partitionKey(byte[] payload) {
        return PayloadScan.valueAfter(payload, "\"instId\":\"", '"');
    }

    @Override
    public String cryptofeedExchange() {
        return "OKX";
    }

    @Override
    public InstrumentMetadata instrumentMetadata() {
        return instruments;
    }
}
