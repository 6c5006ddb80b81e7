package io.rrralgorithms.connectors.adapters.poloniex;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.SequencedSyncRules;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * Poloniex ({@code poloniex}), spot, public WebSocket API v3: {@code book_lv2} books and trades,
 * decoded by {@link PoloniexFrameDecoder}.
 */
public final class PoloniexVenue {
    public static final String FEED = "poloniex";

    /**
     * Poloniex {@code book_lv2}: a snapshot of 20 levels a side on subscribing, carrying its
     * {@code id}; every update carries its own {@code id} and the {@code lastId} of the message it
     * follows. The ids increase but skip (4,485,703 is followed by 4,485,710 on BTC_USDT), so an
     * update is chained by its {@code lastId}, not by id + 1: the previous-id chain family,
     *
     * <ul>
     *   <li>stale: an update whose {@code id} is at or below the snapshot's;
     *   <li>the first update applied names the snapshot ({@code lastId == snapshot id}), each next
     *       one the previous update ({@code lastId == previous id}); else a gap;
     *   <li>a repeated update ({@code id} not above the book's) is a duplicate, dropped; a snapshot
     *       not above the book's {@code id} is ignored.
     * </ul>
     *
     * No checksum. The venue keeps the 20-level window itself (a level leaving it is deleted in the
     * same message: every replayed book of the capture holds 20 levels a side, or all it has, after
     * every update), so no depth truncation.
     */
    static final BookSyncRules RULES = SequencedSyncRules.previousIdChain("lastId == ");

    public static final Venue VENUE = Venue.declare(FEED, "POLONIEX", PoloniexFrameDecoder::new, PoloniexSymbols.BOTH_WAYS,
            RULES, Venue.keyedByField("symbol"), PoloniexInstruments::new).live(new PoloniexLiveVenue()).build();

    private PoloniexVenue() {}
}
