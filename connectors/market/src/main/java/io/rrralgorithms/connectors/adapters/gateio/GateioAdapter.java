package io.rrralgorithms.connectors.adapters.gateio;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.ExchangeAdapter;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.instruments.InstrumentMetadata;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gate.io spot, WebSocket API v4: {@code spot.order_book_update} synced with REST order books by
 * update id ({@link GateioSyncRules}), {@code spot.trades}, {@code spot.book_ticker} /
 * {@code spot.tickers}. Native symbols are Gate.io's pairs ({@code BTC_USDT} → {@code BTC-USDT}).
 */
public final class GateioAdapter implements ExchangeAdapter {
    public static final String FEED = "gateio";

    private static final Pattern SNAPSHOT_URL =
            Pattern.compile("/api/v4/spot/order_book\\?(?:.*&)?currency_pair=([A-Za-z0-9]+_[A-Za-z0-9]+)");

    private final FrameDecoder decoder = new GateioFrameDecoder(FEED);
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

    /** The pair of the frame: {@code "s"} (books), {@code "currency_pair"} (trades, tickers), candles' {@code "n"}. */
    @Override
    public String partitionKey(byte[] payload) {
        return key(payload, "\"currency_pair\":\"");
    }

    /** Shared with the futures adapter: {@code "s"}, else {@code pairField}, else the candles name {@code "n":"1m_X"}. */
    static String key(byte[] payload, String pairField) {
        String s = PayloadScan.valueAfter(payload, "\"s\":\"", '"');
        if (s == null) {
            s = PayloadScan.valueAfter(payload, pairField, '"');
        }
        if (s == null) {
            String n = PayloadScan.valueAfter(payload, "\"n\":\"", '"');
            int us = n == null ? -1 : n.indexOf('_');
            s = us > 0 ? n.substring(us + 1) : null;
        }
        return s;
    }

    @Override
    public String cryptofeedExchange() {
        return "GATEIO";
    }

    /** {@code /api/v4/spot/order_book?currency_pair=X&limit=100&with_id=true}. */
    @Override
    public String snapshotKey(String url) {
        Matcher m = SNAPSHOT_URL.matcher(url);
        return m.find() ? m.group(1) : null;
    }

    @Override
    public InstrumentMetadata instrumentMetadata() {
        return new GateioInstruments(FEED);
    }
}
