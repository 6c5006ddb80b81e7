package io.rrralgorithms.connectors.adapters;

import io.rrralgorithms.connectors.adapters.binance.BinanceAdapter;
import io.rrralgorithms.connectors.adapters.bitfinex.BitfinexAdapter;
import io.rrralgorithms.connectors.adapters.bitmex.BitmexAdapter;
import io.rrralgorithms.connectors.adapters.bybit.BybitAdapter;
import io.rrralgorithms.connectors.adapters.bitstamp.BitstampAdapter;
import io.rrralgorithms.connectors.adapters.coinbase.CoinbaseAdapter;
import io.rrralgorithms.connectors.adapters.deribit.DeribitAdapter;
import io.rrralgorithms.connectors.adapters.gateio.GateioAdapter;
import io.rrralgorithms.connectors.adapters.gateio.GateioFuturesAdapter;
import io.rrralgorithms.connectors.adapters.gemini.GeminiAdapter;
import io.rrralgorithms.connectors.adapters.kraken.KrakenAdapter;
import io.rrralgorithms.connectors.adapters.krakenfutures.KrakenFuturesAdapter;
import io.rrralgorithms.connectors.adapters.kucoin.KucoinAdapter;
import io.rrralgorithms.connectors.adapters.okx.OkxAdapter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The registry of supported feeds. */
public final class ExchangeAdapters {
    private static final Map<String, ExchangeAdapter> BY_FEED = new TreeMap<>();

    static {
        for (ExchangeAdapter a : List.of(
                BinanceAdapter.spot(), BinanceAdapter.usdm(), BinanceAdapter.us(), BinanceAdapter.coinm(),
                new CoinbaseAdapter(),
                new BitmexAdapter(),
                new BybitAdapter(),
                new DeribitAdapter(),
                new KrakenAdapter(),
                new KrakenFuturesAdapter(),
                new BitfinexAdapter(),
                new BitstampAdapter(),
                new GeminiAdapter(),
                new KucoinAdapter(),
                new GateioAdapter(),
                new GateioFuturesAdapter(),
                new OkxAdapter())) {
            BY_FEED.put(a.feed(), a);
        }
    }

    private ExchangeAdapters() {}

    /** The adapter of a feed, or an exception naming the supported feeds. */
    public static ExchangeAdapter forFeed(String feed) {
        ExchangeAdapter a = BY_FEED.get(feed);
        if (a == null) {
            throw new IllegalArgumentException("unknown feed '" + feed + "'; supported: " + BY_FEED.keySet());
        }
        return a;
    }

    public static boolean isSupported(String feed) {
        return BY_FEED.containsKey(feed);
    }

    public static java.util.Set<String> feeds() {
        return BY_FEED.keySet();
    }
}
