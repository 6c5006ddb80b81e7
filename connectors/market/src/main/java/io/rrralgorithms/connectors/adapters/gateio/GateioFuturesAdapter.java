package io.rrralgorithms.connectors.adapters.gateio;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.ExchangeAdapter;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.instruments.InstrumentMetadata;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gate.io USDT-settled perpetual futures, WebSocket API v4 ({@code wss://fx-ws.gateio.ws/v4/ws/usdt}):
 * {@code futures.order_book_update} synced with REST order books
 * ({@code /api/v4/futures/usdt/order_book?contract=X&with_id=true}, which carries the {@code id})
 * by the same update-id rules as spot ({@link GateioSyncRules}), {@code futures.trades},
 * {@code futures.book_ticker}. Contracts {@code BTC_USDT} → {@code BTC-USDT-PERP}; sizes are in
 * contracts.
 */
public final class GateioFuturesAdapter implements ExchangeAdapter {
    public static final String FEED = "gateio-futures";

    private static final Pattern SNAPSHOT_URL = Pattern.compile(
            "/api/v4/futures/(?:usdt|btc)/order_book\\?(?:.*&)?contract=([A-Za-z0-9]+_[A-Za-z0-9]+)");

    private final FrameDecoder decoder = new GateioFuturesFrameDecoder(FEED);
    private final BookSyncRules rules = new GateioSyncRules();

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

    /** The contract: {@code "s"} (books, book ticker), {@code "contract"} (trades), candles' {@code "n"}. */
    @Override
    public String partitionKey(byte[] payload) {
        return GateioAdapter.key(payload, "\"contract\":\"");
    }

    @Override
    public String cryptofeedExchange() {
        return "GATEIO_FUTURES";
    }

    @Override
    public String snapshotKey(String url) {
        Matcher m = SNAPSHOT_URL.matcher(url);
        return m.find() ? m.group(1) : null;
    }

    @Override
    public InstrumentMetadata instrumentMetadata() {
        return new GateioFuturesInstruments(FEED);
    }
}
