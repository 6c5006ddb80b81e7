package io.rrralgorithms.connectors.adapters.kucoin;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.ExchangeAdapter;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.instruments.InstrumentMetadata;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * KuCoin spot: WebSocket {@code /market/level2}, {@code /market/match}, {@code /market/ticker}
 * (and {@code /market/candles}, ignored), synced with REST level2 snapshots by sequence like
 * Binance spot, but per change ({@link KucoinSyncRules}, {@link KucoinFrameDecoder}). The native
 * symbol is KuCoin's {@code symbol} ({@code BCHSV-USDT}), normalized by {@link KucoinSymbols}.
 */
public final class KucoinAdapter implements ExchangeAdapter {
    public static final String FEED = "kucoin";

    /** {@code /api/v3/market/orderbook/level2?symbol=X} (also v1/v2 and the {@code level2_20/_100} partial books). */
    private static final Pattern SNAPSHOT_URL =
            Pattern.compile("/market/orderbook/level2(?:_\\d+)?\\?(?:.*&)?symbol=([A-Za-z0-9]+-[A-Za-z0-9]+)");

    private final FrameDecoder decoder = new KucoinFrameDecoder(FEED);
    private final BookSyncRules rules = new KucoinSyncRules();

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
     * The symbol of the frame's {@code topic} ({@code "/market/level2:BCHSV-USDT"}; a candles topic
     * {@code "/market/candles:DAPPT-BTC_1min"} without its interval); null for frames without a
     * topic (welcome, ack, pong).
     */
    @Override
    public String partitionKey(byte[] payload) {
        String topic = PayloadScan.valueAfter(payload, "\"topic\":\"", '"');
        if (topic == null) {
            return null;
        }
        int colon = topic.lastIndexOf(':');
        if (colon < 0 || colon == topic.length() - 1) {
            return null;
        }
        String s = topic.substring(colon + 1);
        int interval = s.indexOf('_');
        return interval > 0 ? s.substring(0, interval) : s;
    }

    @Override
    public String cryptofeedExchange() {
        return "KUCOIN";
    }

    @Override
    public String snapshotKey(String url) {
        Matcher m = SNAPSHOT_URL.matcher(url);
        return m.find() ? m.group(1) : null;
    }

    @Override
    public InstrumentMetadata instrumentMetadata() {
        return new KucoinInstruments(FEED);
    }
}
