package io.rrralgorithms.connectors.adapters.bybit;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.ExchangeAdapter;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.instruments.InstrumentMetadata;

/**
 * Bybit derivatives, v2-era public WebSocket as recorded in 2021: {@code wss://stream.bybit.com/realtime}
 * (inverse contracts: {@code BTCUSD}, dated {@code BTCUSDM21}) and
 * {@code wss://stream.bybit.com/realtime_public} (USDT perpetuals: {@code BTCUSDT}); topics
 * {@code orderBookL2_25.SYMBOL} / {@code orderBook_200.100ms.SYMBOL} and {@code trade.SYMBOL}. Both
 * connections are one feed: the symbol tells the contract. The same feed also decodes the v5 public
 * topics the live capture subscribes ({@code wss://stream.bybit.com/v5/public/linear}:
 * {@code orderbook.50.SYMBOL} chained on {@code u}, {@code orderbook.1.SYMBOL} as BBO,
 * {@code publicTrade.SYMBOL}; see {@link BybitV5Frames}). See {@link BybitFrameDecoder} and
 * {@link BybitSyncRules}.
 */
public final class BybitAdapter implements ExchangeAdapter {
    public static final String FEED = "bybit";

    private final FrameDecoder decoder = new BybitFrameDecoder(FEED);
    private final BookSyncRules rules = new BybitSyncRules();
    private final InstrumentMetadata instruments = new BybitInstruments(FEED);

    @Override
    public String feed() {
        return FEED;
    }

    @Override
    public FrameDecoder decoder() {
        return decoder; // stateless: every delete row carries its price
    }

    @Override
    public BookSyncRules bookSyncRules() {
        return rules;
    }

    /**
     * The symbol at the end of the {@code topic} ({@code orderBookL2_25.BTCUSD},
     * {@code orderBook_200.100ms.BTCUSDT}); null for subscription replies and pongs.
     */
    @Override
    public String partitionKey(byte[] payload) {
        String topic = PayloadScan.valueAfter(payload, "\"topic\":\"", '"');
        if (topic == null) {
            return null;
        }
        int dot = topic.lastIndexOf('.');
        return dot < 0 || dot == topic.length() - 1 ? null : topic.substring(dot + 1);
    }

    /** Trade ids are made up by the decoder (the venue sends UUIDs). */
    @Override
    public boolean tradeIdsIdentifyTrades() {
        return false;
    }

    @Override
    public String cryptofeedExchange() {
        return "BYBIT";
    }

    @Override
    public InstrumentMetadata instrumentMetadata() {
        return instruments;
    }
}
