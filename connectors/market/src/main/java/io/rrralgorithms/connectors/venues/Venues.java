package io.rrralgorithms.connectors.venues;

import io.rrralgorithms.connectors.adapters.ascendex.AscendexVenue;
import io.rrralgorithms.connectors.adapters.binance.BinanceLiveVenue;
import io.rrralgorithms.connectors.adapters.binance.BinanceVenue;
import io.rrralgorithms.connectors.adapters.bitcom.BitcomLiveVenue;
import io.rrralgorithms.connectors.adapters.bitcom.BitcomVenue;
import io.rrralgorithms.connectors.adapters.bitfinex.BitfinexVenue;
import io.rrralgorithms.connectors.adapters.bitflyer.BitflyerVenue;
import io.rrralgorithms.connectors.adapters.bitget.BitgetVenue;
import io.rrralgorithms.connectors.adapters.bithumb.BithumbLiveVenue;
import io.rrralgorithms.connectors.adapters.bithumb.BithumbVenue;
import io.rrralgorithms.connectors.adapters.bitmex.BitmexVenue;
import io.rrralgorithms.connectors.adapters.bitstamp.BitstampVenue;
import io.rrralgorithms.connectors.adapters.bittrex.BittrexVenue;
import io.rrralgorithms.connectors.adapters.blockchain.BlockchainLiveVenue;
import io.rrralgorithms.connectors.adapters.blockchain.BlockchainVenue;
import io.rrralgorithms.connectors.adapters.bybit.BybitVenue;
import io.rrralgorithms.connectors.adapters.coinbase.CoinbaseVenue;
import io.rrralgorithms.connectors.adapters.cryptocom.CryptocomVenue;
import io.rrralgorithms.connectors.adapters.delta.DeltaLiveVenue;
import io.rrralgorithms.connectors.adapters.delta.DeltaVenue;
import io.rrralgorithms.connectors.adapters.deribit.DeribitVenue;
import io.rrralgorithms.connectors.adapters.dydx.DydxVenue;
import io.rrralgorithms.connectors.adapters.gateio.GateioVenue;
import io.rrralgorithms.connectors.adapters.gemini.GeminiVenue;
import io.rrralgorithms.connectors.adapters.hitbtc.HitbtcVenue;
import io.rrralgorithms.connectors.adapters.huobi.HuobiLiveVenue;
import io.rrralgorithms.connectors.adapters.huobi.HuobiVenue;
import io.rrralgorithms.connectors.adapters.independentreserve.IndependentReserveLiveVenue;
import io.rrralgorithms.connectors.adapters.independentreserve.IndependentReserveVenue;
import io.rrralgorithms.connectors.adapters.kraken.KrakenVenue;
import io.rrralgorithms.connectors.adapters.krakenfutures.KrakenFuturesVenue;
import io.rrralgorithms.connectors.adapters.kucoin.KucoinVenue;
import io.rrralgorithms.connectors.adapters.okcoin.OkcoinVenue;
import io.rrralgorithms.connectors.adapters.okx.OkxVenue;
import io.rrralgorithms.connectors.adapters.phemex.PhemexVenue;
import io.rrralgorithms.connectors.adapters.poloniex.PoloniexVenue;
import io.rrralgorithms.connectors.adapters.probit.ProbitLiveVenue;
import io.rrralgorithms.connectors.adapters.probit.ProbitVenue;
import io.rrralgorithms.connectors.adapters.tardis.TardisVenue;
import io.rrralgorithms.connectors.adapters.upbit.UpbitLiveVenue;
import io.rrralgorithms.connectors.adapters.upbit.UpbitVenue;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;

/** The registry of supported feeds: one {@link Venue} per feed, for the job (decoding) and the capture service (live). */
public final class Venues {
    private static final Map<String, Venue> BY_FEED = new ConcurrentSkipListMap<>();

    static {
        for (Venue v : List.of(
                BinanceVenue.SPOT, BinanceVenue.USDM, BinanceVenue.US, BinanceVenue.COINM,
                CoinbaseVenue.VENUE,
                BitmexVenue.VENUE,
                BybitVenue.VENUE,
                DeribitVenue.VENUE,
                KrakenVenue.VENUE,
                KrakenFuturesVenue.VENUE,
                BitfinexVenue.VENUE,
                BitstampVenue.VENUE,
                GeminiVenue.VENUE,
                KucoinVenue.VENUE,
                GateioVenue.SPOT, GateioVenue.FUTURES,
                OkxVenue.VENUE,
                HitbtcVenue.HITBTC, HitbtcVenue.BEQUANT, HitbtcVenue.FMFW,
                OkcoinVenue.VENUE,
                BitgetVenue.VENUE,
                PhemexVenue.VENUE,
                PoloniexVenue.VENUE,
                HuobiVenue.VENUE, HuobiVenue.SWAP.withLive(HuobiLiveVenue.swap()),
                TardisVenue.VENUE,
                // issue 16, batch B
                DydxVenue.VENUE,
                IndependentReserveVenue.VENUE.withLive(new IndependentReserveLiveVenue()),
                DeltaVenue.VENUE.withLive(new DeltaLiveVenue()),
                UpbitVenue.VENUE.withLive(new UpbitLiveVenue()),
                BlockchainVenue.VENUE.withLive(new BlockchainLiveVenue()),
                ProbitVenue.VENUE.withLive(new ProbitLiveVenue()),
                // issue 16, batch A
                AscendexVenue.SPOT, AscendexVenue.FUTURES,
                BittrexVenue.VENUE,
                BitflyerVenue.VENUE,
                BitcomVenue.VENUE.withLive(new BitcomLiveVenue()),
                BinanceVenue.TR.withLive(BinanceLiveVenue.tr()),
                BithumbVenue.VENUE.withLive(new BithumbLiveVenue()),
                // issue 16: tested on documented frames only (no WebSocket capture of them)
                GateioVenue.V3,
                CryptocomVenue.VENUE)) {
            register(v);
        }
    }

    private Venues() {}

    /** The venue of a decoded feed, or an exception naming the supported feeds. */
    public static Venue forFeed(String feed) {
        Venue v = BY_FEED.get(feed);
        if (v == null || !v.decodes()) {
            throw new IllegalArgumentException("unknown feed '" + feed + "'; supported: " + feeds());
        }
        return v;
    }

    /** Whether the job can decode this feed. */
    public static boolean isSupported(String feed) {
        Venue v = BY_FEED.get(feed);
        return v != null && v.decodes();
    }

    /** The decoded feeds, sorted. */
    public static Set<String> feeds() {
        Set<String> feeds = new TreeSet<>();
        BY_FEED.values().stream().filter(Venue::decodes).forEach(v -> feeds.add(v.feed()));
        return Collections.unmodifiableSet(feeds);
    }

    /** The live spec of a feed, or an exception naming the feeds the capture service can connect to. */
    public static LiveVenue liveForFeed(String feed) {
        Venue v = BY_FEED.get(feed);
        if (v == null || v.live() == null) {
            throw new IllegalArgumentException("no live capture for feed '" + feed + "'; supported: " + liveFeeds());
        }
        return v.live();
    }

    /** The feeds the capture service can connect to live, sorted. */
    public static Set<String> liveFeeds() {
        Set<String> feeds = new TreeSet<>();
        BY_FEED.values().stream().filter(v -> v.live() != null).forEach(v -> feeds.add(v.feed()));
        return Collections.unmodifiableSet(feeds);
    }

    /**
     * Adds a venue defined outside this registry (a test's, an extension's); a feed registered
     * already is refused.
     */
    public static void register(Venue venue) {
        if (BY_FEED.putIfAbsent(venue.feed(), venue) != null) {
            throw new IllegalArgumentException("feed " + venue.feed() + " is registered already");
        }
    }
}
