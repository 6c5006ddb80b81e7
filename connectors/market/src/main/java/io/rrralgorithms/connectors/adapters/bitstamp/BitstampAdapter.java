package io.rrralgorithms.connectors.adapters.bitstamp;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.ExchangeAdapter;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.instruments.InstrumentMetadata;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bitstamp WebSocket v2 ({@code wss://ws.bitstamp.net}) {@code diff_order_book_<pair>} and
 * {@code live_trades_<pair>}, joined with the REST book snapshots {@code /api/v2/order_book/<pair>}
 * by {@code microtimestamp}. Native symbols are the lower-case {@code url_symbol}s
 * ({@code ethusd}). See {@link BitstampFrameDecoder} and {@link BitstampSyncRules}.
 */
public final class BitstampAdapter implements ExchangeAdapter {
    public static final String FEED = "bitstamp";
    private static final Pattern BOOK_URL = Pattern.compile("/api/v2/order_book/([a-z0-9]+)/?(?:\\?.*)?$");

    private final FrameDecoder decoder = new BitstampFrameDecoder(FEED);
    private final BookSyncRules rules = new BitstampSyncRules();
    private final InstrumentMetadata instruments = new BitstampInstruments(FEED);

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

    /** The pair at the end of the {@code channel} ({@code diff_order_book_ethusd} → {@code ethusd}). */
    @Override
    public String partitionKey(byte[] payload) {
        String channel = PayloadScan.valueAfter(payload, "\"channel\":\"", '"');
        if (channel == null) {
            return null;
        }
        int us = channel.lastIndexOf('_');
        return us < 0 || us == channel.length() - 1 ? null : channel.substring(us + 1);
    }

    @Override
    public String cryptofeedExchange() {
        return "BITSTAMP";
    }

    /** {@code https://www.bitstamp.net/api/v2/order_book/ethusd} → {@code ethusd}. */
    @Override
    public String snapshotKey(String url) {
        Matcher m = BOOK_URL.matcher(url);
        return m.find() ? m.group(1) : null;
    }

    @Override
    public InstrumentMetadata instrumentMetadata() {
        return instruments;
    }
}
