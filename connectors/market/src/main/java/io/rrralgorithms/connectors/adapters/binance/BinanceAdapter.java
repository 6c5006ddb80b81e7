package io.rrralgorithms.connectors.adapters.binance;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.ExchangeAdapter;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.PayloadScan;

/**
 * Binance feeds. Spot-style venues (spot, Binance US) chain diffs with {@code U == previous u + 1};
 * futures (USDⓈ-M, COIN-M) with {@code pu == previous u}.
 */
public final class BinanceAdapter implements ExchangeAdapter {
    private final String feed;
    private final BinanceMarket market;
    private final FrameDecoder decoder;
    private final BookSyncRules rules;

    private static final java.util.regex.Pattern SYMBOL_PARAM = java.util.regex.Pattern.compile("[?&]symbol=([A-Za-z0-9_]+)");

    private final String cryptofeedExchange;
    private final BinanceInstruments instruments;

    private BinanceAdapter(String feed, BinanceMarket market, String cryptofeedExchange, String exchangeInfoUrl,
            BinanceSymbols.SpotQuotes quotes) {
        this.feed = feed;
        this.cryptofeedExchange = cryptofeedExchange;
        this.market = market;
        this.decoder = new BinanceFrameDecoder(feed, market, quotes);
        this.rules = market.isFutures() ? new BinanceFuturesSyncRules() : new BinanceSpotSyncRules();
        this.instruments = new BinanceInstruments(feed, market, exchangeInfoUrl);
    }

    public static BinanceAdapter spot() {
        return new BinanceAdapter("binance-spot", BinanceMarket.SPOT, "BINANCE",
                "https://api.binance.com/api/v3/exchangeInfo", BinanceSymbols.BINANCE_COM);
    }

    public static BinanceAdapter us() {
        return new BinanceAdapter("binance-us", BinanceMarket.SPOT, "BINANCE_US",
                "https://api.binance.us/api/v3/exchangeInfo", BinanceSymbols.BINANCE_US);
    }

    public static BinanceAdapter usdm() {
        return new BinanceAdapter("binance-usdm", BinanceMarket.USDM_FUTURES, "BINANCE_FUTURES",
                "https://fapi.binance.com/fapi/v1/exchangeInfo", BinanceSymbols.BINANCE_COM);
    }

    public static BinanceAdapter coinm() {
        return new BinanceAdapter("binance-coinm", BinanceMarket.COINM_FUTURES, "BINANCE_DELIVERY",
                "https://dapi.binance.com/dapi/v1/exchangeInfo", BinanceSymbols.BINANCE_COM);
    }

    public BinanceMarket market() {
        return market;
    }

    @Override
    public String feed() {
        return feed;
    }

    @Override
    public FrameDecoder decoder() {
        return decoder;
    }

    @Override
    public BookSyncRules bookSyncRules() {
        return rules;
    }

    /** The symbol of a combined-stream name ({@code "stream":"btcusdt@trade"}) or of {@code "s"}. */
    @Override
    public String partitionKey(byte[] payload) {
        String s = PayloadScan.valueAfter(payload, "\"stream\":\"", '@');
        if (s == null) {
            s = PayloadScan.valueAfter(payload, "\"s\":\"", '"');
        }
        return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
    }

    /** The {@code exchangeInfo} of the feed's market ({@link BinanceInstruments}). */
    @Override
    public BinanceInstruments instrumentMetadata() {
        return instruments;
    }

    @Override
    public String cryptofeedExchange() {
        return cryptofeedExchange;
    }

    /** {@code /api/v3/depth?symbol=BTCUSDT&limit=1000} (and the futures {@code /fapi|dapi/v1/depth}). */
    @Override
    public String snapshotKey(String url) {
        java.util.regex.Matcher m = SYMBOL_PARAM.matcher(url);
        return url.contains("/depth") && m.find() ? m.group(1).toUpperCase(java.util.Locale.ROOT) : null;
    }

}
