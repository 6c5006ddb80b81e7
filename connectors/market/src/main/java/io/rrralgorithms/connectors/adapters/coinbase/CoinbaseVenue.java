package io.rrralgorithms.connectors.adapters.coinbase;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.UnsequencedSyncRules;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * Coinbase (Exchange / "Pro") WebSocket feed, {@code level2} + {@code ticker} + {@code matches}
 * channels as recorded in 2021. Products are already {@code BASE-QUOTE} (e.g. {@code SKL-USD}),
 * so the native and the normalized symbol are both the {@code product_id} ({@link CoinbaseSymbols}).
 */
public final class CoinbaseVenue {
    public static final String FEED = "coinbase";

    /**
     * Coinbase {@code level2} (2021): on subscription the venue sends one {@code snapshot} per
     * product, then {@code l2update}s that apply on top of it, in order, over the same connection.
     * Neither carries a sequence number, so none of the sequence checks is possible; no gap is ever
     * reported for this feed.
     */
    static final BookSyncRules RULES = new UnsequencedSyncRules("any l2update (level2 has no sequence numbers)");

    /** Frames are keyed by their {@code product_id}, by a byte scan (no JSON parse on the capture hot path). */
    public static final Venue VENUE = Venue.declare(FEED, "COINBASE", CoinbaseFrameDecoder::new, CoinbaseSymbols.BOTH_WAYS,
            RULES, Venue.keyedByField("product_id"), CoinbaseInstruments::new).live(new CoinbaseLiveVenue()).build();

    private CoinbaseVenue() {}
}
