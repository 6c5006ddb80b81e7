package io.rrralgorithms.connectors.adapters.delta;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.WholeBookSyncRules;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * Delta Exchange ({@code delta}): options, perpetuals and spot on {@code wss://socket.delta.exchange},
 * {@code l2_orderbook} books and {@code all_trades}, decoded by {@link DeltaFrameDecoder}. Live:
 * {@link DeltaLiveVenue}.
 */
public final class DeltaVenue {
    public static final String FEED = "delta";

    /**
     * Every {@code l2_orderbook} message is the whole book (its top levels, 10 or 11 a side in the
     * capture) with its {@code last_sequence_no}, never a diff (cryptofeed replaces its book with
     * each one): the whole-book family; a book not newer than the last is ignored, a lost one is
     * no gap. No checksum.
     */
    static final BookSyncRules RULES = new WholeBookSyncRules("a newer l2_orderbook book (last_sequence_no above ");

    public static final Venue VENUE = Venue.declare(FEED, "DELTA", DeltaFrameDecoder::new, DeltaSymbols.BOTH_WAYS, RULES,
            Venue.keyedByField("symbol"), DeltaInstruments::new).build();

    private DeltaVenue() {}
}
