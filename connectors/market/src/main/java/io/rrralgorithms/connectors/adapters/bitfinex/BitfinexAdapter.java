package io.rrralgorithms.connectors.adapters.bitfinex;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.ExchangeAdapter;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.instruments.InstrumentMetadata;

/**
 * Bitfinex WebSocket v2 ({@code wss://api.bitfinex.com/ws/2}): {@code book} (P0, len 100 as
 * cryptofeed subscribes), {@code trades} and {@code ticker} of trading pairs, flag SEQ_ALL. See
 * {@link BitfinexFrameDecoder}, {@link BitfinexSyncRules} and, for how frames that name only a
 * channel id get their symbol, {@link BitfinexConnectionKeyer}.
 */
public final class BitfinexAdapter implements ExchangeAdapter {
    public static final String FEED = "bitfinex";

    private final FrameDecoder decoder = new BitfinexFrameDecoder(FEED); // stateless
    private final BookSyncRules rules = new BitfinexSyncRules();
    private final InstrumentMetadata instruments = new BitfinexInstruments(FEED);

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

    /**
     * The {@code symbol} of an event frame ({@code subscribed}); null for the {@code [chanId, ...]}
     * data frames, which name none: a single frame cannot be keyed, only a connection's frames in
     * order ({@link #connectionKeyer()}).
     */
    @Override
    public String partitionKey(byte[] payload) {
        return PayloadScan.valueAfter(payload, "\"symbol\":\"", '"');
    }

    /** A new {@link BitfinexConnectionKeyer}: channel id to symbol from the connection's acks. */
    @Override
    public boolean keysByConnection() {
        return true;
    }

    @Override
    public ConnectionKeyer connectionKeyer() {
        return new BitfinexConnectionKeyer();
    }

    @Override
    public String cryptofeedExchange() {
        return "BITFINEX";
    }

    @Override
    public InstrumentMetadata instrumentMetadata() {
        return instruments;
    }
}
