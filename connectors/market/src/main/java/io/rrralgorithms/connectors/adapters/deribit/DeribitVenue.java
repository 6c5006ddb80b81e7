package io.rrralgorithms.connectors.adapters.deribit;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.SequencedSyncRules;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * Deribit API v2 WebSocket ({@code wss://www.deribit.com/ws/api/v2}): channels {@code book},
 * {@code trades}, {@code ticker}, {@code quote} of perpetuals, dated futures and options. See
 * {@link DeribitFrameDecoder}.
 */
public final class DeribitVenue {
    public static final String FEED = "deribit";

    /**
     * Deribit {@code book.<instrument>.raw|100ms}: on subscription the venue sends a {@code snapshot}
     * with a {@code change_id}, then {@code change}s each naming the {@code change_id} it follows in
     * {@code prev_change_id}. The first change after a snapshot has {@code prev_change_id} equal to the
     * snapshot's {@code change_id}, every next one the previous change's; any other value is a gap
     * (Deribit: resubscribe for a new snapshot). A change not newer than the snapshot is stale.
     * Deribit sends no checksum; the venue's book has no depth window (the raw book is complete).
     */
    static final BookSyncRules RULES = SequencedSyncRules.previousIdChain("a change with prev_change_id ");

    /** Frames are keyed by the data's (first) {@code instrument_name}; replies and heartbeats have none. */
    public static final Venue VENUE = Venue.declare(FEED, "DERIBIT", DeribitFrameDecoder::new, DeribitSymbols.BOTH_WAYS,
            RULES, Venue.keyedByField("instrument_name"), DeribitInstruments::new).live(new DeribitLiveVenue()).build();

    private DeribitVenue() {}
}
