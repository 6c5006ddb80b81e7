package io.rrralgorithms.connectors.live;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The registry of venues the capture service can connect to live. */
public final class LiveVenues {
    private static final Map<String, LiveVenue> BY_FEED = new TreeMap<>();

    static {
        for (LiveVenue v : List.of(BinanceLiveVenue.spot(), BinanceLiveVenue.usdm(), new CoinbaseLiveVenue())) {
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

    public static java.util.Set<String> feeds() {
        return BY_FEED.keySet();
    }
}
