package io.rrralgorithms.connectors.adapters.krakenfutures;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.ExchangeAdapter;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.instruments.InstrumentMetadata;

/**
 * Kraken Futures (formerly Crypto Facilities), public WebSocket v1
 * ({@code wss://futures.kraken.com/ws/v1}): {@code book}, {@code trade}, {@code ticker_lite} /
 * {@code ticker} feeds (see {@link KrakenFuturesFrameDecoder}; book sequence rules in
 * {@link KrakenFuturesSyncRules}). The native symbol is the product id ({@code PI_XBTUSD}).
 */
public final class KrakenFuturesAdapter implements ExchangeAdapter {
    public static final String FEED = "kraken-futures";

    private final FrameDecoder decoder = new KrakenFuturesFrameDecoder(FEED);
    private final BookSyncRules rules = new KrakenFuturesSyncRules();
    private final InstrumentMetadata instruments = new KrakenFuturesInstruments(FEED);

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

    /** The {@code product_id} of the frame (a byte scan); null for events and heartbeats. */
    @Override
    public String partitionKey(byte[] payload) {
        return PayloadScan.valueAfter(payload, "\"product_id\":\"", '"');
    }

    @Override
    public String cryptofeedExchange() {
        return "KRAKEN_FUTURES";
    }

    @Override
    public InstrumentMetadata instrumentMetadata() {
        return instruments;
    }
}
