package io.rrralgorithms.connectors.live;

import io.rrralgorithms.connectors.adapters.binance.BinanceLiveVenue;
import io.rrralgorithms.connectors.adapters.bybit.BybitLiveVenue;
import io.rrralgorithms.connectors.adapters.coinbase.CoinbaseLiveVenue;
import io.rrralgorithms.connectors.adapters.kraken.KrakenLiveVenue;
import io.rrralgorithms.connectors.adapters.okx.OkxLiveVenue;
import io.rrralgorithms.connectors.venues.LiveVenue;
import java.util.List;
import java.util.Map;

/** The registry of venues the capture service can connect to live. */
public final class LiveVenues {
    private static final Map<String, LiveVenue> BY_FEED = new java.util.concurrent.ConcurrentSkipListMap<>();

    static {
        for (LiveVenue v : List.of(BinanceLiveVenue.spot(), BinanceLiveVenue.usdm(), new CoinbaseLiveVenue(),
                new KrakenLiveVenue(), new OkxLiveVenue(), new BybitLiveVenue())) {
            BY_FEED.put(v.feed(), v);
        }
    }

    private LiveVenues() {}

    /** The live venue of a feed, or an exception naming the supported feeds. */
    public static LiveVenue forFeed(String feed) {
        LiveVenue v = BY_FEED.get(feed);
        if (v == null) {
            throw new IllegalArgumentException("no live capture for feed '" + feed + "'; supported: " + BY_FEED.keySet());
        }
        return v;
    }

    /**
     * Adds a venue defined outside this package (a test's, an extension's); a feed registered
     * already is refused.
     */
    public static void register(LiveVenue venue) {
        if (BY_FEED.putIfAbsent(venue.feed(), venue) != null) {
            throw new IllegalArgumentException("feed " + venue.feed() + " has a live venue already");
        }
    }

    public static java.util.Set<String> feeds() {
        return BY_FEED.keySet();
    }
}
