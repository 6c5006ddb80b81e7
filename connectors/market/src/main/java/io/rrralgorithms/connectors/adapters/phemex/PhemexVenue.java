package io.rrralgorithms.connectors.adapters.phemex;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.SequencedSyncRules;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * Phemex ({@code phemex}): USD perpetual contracts and spot pairs on one public WebSocket, books
 * and trades decoded by {@link PhemexFrameDecoder}, prices and quantities exact through the
 * per-product scale table {@link PhemexScales}.
 */
public final class PhemexVenue {
    public static final String FEED = "phemex";

    /**
     * Phemex books ({@code orderbook.subscribe}): a snapshot of 30 levels a side on subscribing,
     * then incremental messages; each carries the {@code sequence} of the symbol's latest message.
     * The sequence increases with every message but skips: it numbers the symbol's trade messages
     * too, and is shared between symbols (XMRUSD and XTZUSD both count around 4,899,654,xxx in the
     * capture, sENJUSDT and sSUSHIUSDT around 146,074,9xx). So a lost message cannot be told from a
     * skip, and the family is the monotonic one:
     *
     * <ul>
     *   <li>stale: a delta at or below the snapshot's sequence; the first later one joins it;
     *   <li>each next delta's sequence must not be below the previous one (lower is a reordering:
     *       a gap); an equal one is a redelivery, applied again harmlessly (levels are absolute
     *       quantities);
     *   <li>a snapshot not above the book's sequence is ignored: Phemex re-sends a spot book's
     *       snapshot at the sequence the book already has (3 times in the capture; each equals the
     *       book replayed so far).
     * </ul>
     *
     * No checksum. The venue keeps the 30-level window itself (a level leaving it is deleted in the
     * same message; every replayed book of the capture holds exactly 30 levels a side after every
     * message), so no depth truncation.
     */
    static final BookSyncRules RULES = SequencedSyncRules.monotonic("sequence >= ");

    public static final Venue VENUE = Venue.declare(FEED, "PHEMEX", PhemexFrameDecoder::new, PhemexSymbols.BOTH_WAYS,
            RULES, Venue.keyedByField("symbol"), PhemexInstruments::new).live(new PhemexLiveVenue()).build();

    private PhemexVenue() {}
}
