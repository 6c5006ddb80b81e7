package io.rrralgorithms.connectors.adapters.deribit;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.ExchangeAdapter;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.instruments.InstrumentMetadata;

/**
 * Deribit API v2 WebSocket ({@code wss://www.deribit.com/ws/api/v2}): channels {@code book},
 * {@code trades}, {@code ticker}, {@code quote} of perpetuals, dated futures and options. See
 * {@link DeribitFrameDecoder} and {@link DeribitSyncRules}.
 */
public final class DeribitAdapter implements ExchangeAdapter {
    public static final String FEED = "deribit";

    private final FrameDecoder decoder = new DeribitFrameDecoder(FEED);
    private final BookSyncRules rules = new DeribitSyncRules();
    private final InstrumentMetadata instruments = new DeribitInstruments(FEED);

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

    /** The data's (first) {@code instrument_name}; null for replies and heartbeats. */
    @Override
    public String partitionKey(byte[] payload) {
        return PayloadScan.valueAfter(payload, "\"instrument_name\":\"", '"');
    }

    @Override
    public String cryptofeedExchange() {
        return "DERIBIT";
    }

    @Override
    public InstrumentMetadata instrumentMetadata() {
        return instruments;
    }
}
