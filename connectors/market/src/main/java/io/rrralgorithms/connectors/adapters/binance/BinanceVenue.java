package io.rrralgorithms.connectors.adapters.binance;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.adapters.SequencedSyncRules;
import io.rrralgorithms.connectors.adapters.SequencedSyncRules.Bridge;
import io.rrralgorithms.connectors.venues.Venue;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binance feeds: spot, Binance US and Binance TR (symbols {@code BTCUSDT}), USDⓈ-M and COIN-M futures. The
 * combined-stream frames ({@code {"stream":"btcusdt@trade","data":{…}}}) are decoded by
 * {@link StreamingBinanceFrameDecoder} (the token-stream form of {@link BinanceFrameDecoder}); books
 * are synced with the REST {@code depth} snapshots.
 */
public final class BinanceVenue {
    public static final String SPOT_FEED = "binance-spot";
    public static final String US_FEED = "binance-us";
    public static final String USDM_FEED = "binance-usdm";
    public static final String COINM_FEED = "binance-coinm";
    public static final String TR_FEED = "binance-tr";

    /**
     * Binance spot "how to manage a local order book correctly": drop diffs with
     * {@code u <= lastUpdateId}; the first diff must have {@code U <= lastUpdateId + 1 <= u}; each
     * next diff's {@code U} equals the previous {@code u + 1}.
     */
    static final BookSyncRules SPOT_RULES = SequencedSyncRules.nextFirstId("U == ");

    /**
     * Binance USDⓈ-M / COIN-M futures: drop diffs with {@code u < lastUpdateId}; the first diff must
     * have {@code U <= lastUpdateId <= u}; each next diff's {@code pu} equals the previous {@code u}.
     */
    static final BookSyncRules FUTURES_RULES = SequencedSyncRules.previousIdChain("pu == ")
            .bridging(Bridge.SPANS_SNAPSHOT).staleOnlyBelowSnapshot();

    public static final Venue SPOT = binance(SPOT_FEED, BinanceMarket.SPOT, "BINANCE",
            "https://api.binance.com/api/v3/exchangeInfo", BinanceSymbols.BINANCE_COM)
            .live(BinanceLiveVenue.spot()).build();
    public static final Venue US = binance(US_FEED, BinanceMarket.SPOT, "BINANCE_US",
            "https://api.binance.us/api/v3/exchangeInfo", BinanceSymbols.BINANCE_US)
            .live(BinanceLiveVenue.us()).build();
    /**
     * Binance TR (trbinance.com, {@code wss://stream-cloud.trbinance.com/stream}): binance.com's spot
     * frames and book procedure as they are ({@code depth@100ms}, {@code aggTrade}, {@code bookTicker},
     * the {@code binance.me /api/v3/depth} snapshots), and binance.com's exchangeInfo: the spot
     * decoder and rules, binance.com's quote table with UST. Live: {@code BinanceLiveVenue.tr()} (its own endpoints).
     */
    public static final Venue TR = binance(TR_FEED, BinanceMarket.SPOT, "BINANCE_TR",
            "https://api.binance.me/api/v3/exchangeInfo", BinanceSymbols.BINANCE_TR).build();
    public static final Venue USDM = binance(USDM_FEED, BinanceMarket.USDM_FUTURES, "BINANCE_FUTURES",
            "https://fapi.binance.com/fapi/v1/exchangeInfo", BinanceSymbols.BINANCE_COM)
            .live(BinanceLiveVenue.usdm()).build();
    public static final Venue COINM = binance(COINM_FEED, BinanceMarket.COINM_FUTURES, "BINANCE_DELIVERY",
            "https://dapi.binance.com/dapi/v1/exchangeInfo", BinanceSymbols.BINANCE_COM)
            .live(BinanceLiveVenue.coinm()).build();

    private static final Pattern SYMBOL_PARAM = Pattern.compile("[?&]symbol=([A-Za-z0-9_]+)");

    private BinanceVenue() {}

    private static Venue.Builder binance(String feed, BinanceMarket market, String cryptofeedExchange,
            String exchangeInfoUrl, BinanceSymbols.SpotQuotes quotes) {
        return Venue.declare(feed, cryptofeedExchange, f -> new StreamingBinanceFrameDecoder(f, market, quotes),
                        BinanceSymbols.of(feed, market, quotes), market.isFutures() ? FUTURES_RULES : SPOT_RULES,
                        BinanceVenue::partitionKey, f -> new BinanceInstruments(f, market, exchangeInfoUrl))
                .decoderKeepsState() // the streaming decoder's scratch buffers and symbol cache: one per caller
                .snapshotUrl(BinanceVenue::snapshotKey);
    }

    /** The symbol of a combined-stream name ({@code "stream":"btcusdt@trade"}) or of {@code "s"}. */
    static String partitionKey(byte[] payload) {
        String s = PayloadScan.valueAfter(payload, "\"stream\":\"", '@');
        if (s == null) {
            s = PayloadScan.valueAfter(payload, "\"s\":\"", '"');
        }
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    /** {@code /api/v3/depth?symbol=BTCUSDT&limit=1000} (and the futures {@code /fapi|dapi/v1/depth}). */
    static String snapshotKey(String url) {
        Matcher m = SYMBOL_PARAM.matcher(url);
        return url.contains("/depth") && m.find() ? m.group(1).toUpperCase(Locale.ROOT) : null;
    }
}
