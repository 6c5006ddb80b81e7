package io.rrralgorithms.connectors.adapters.tardis;

import io.rrralgorithms.connectors.adapters.BookChecksum;
import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.SequencedSyncRules;
import io.rrralgorithms.connectors.adapters.SequencedSyncRules.Bridge;
import io.rrralgorithms.connectors.adapters.UnsequencedSyncRules;
import io.rrralgorithms.connectors.model.MarketEvent;

/**
 * Why not one family: the feed carries two sources with different book rules, told apart per
 * event (an instrument's events all come from one source).
 *
 * <ul>
 *   <li>tardis CSV books have no sequence: events carry their {@code local_timestamp} (as ns) as
 *       update id and follow {@link UnsequencedSyncRules}: an {@code is_snapshot} group starts
 *       the book (every snapshot authoritative), the other groups apply in order, a group received
 *       before the snapshot is stale (tardis: "skip these rows until the first snapshot"). A
 *       {@code book_snapshot_N} book without incremental data is a top-N window
 *       ({@link MarketEvent#bookDepth} N), and the {@code book_snapshot_25} checks are verified by
 *       {@link TardisTopCheck} as a venue checksum is;
 *   <li>nautilus depth CSVs keep Binance's update ids ({@link MarketEvent#firstUpdateId} set):
 *       with {@code pu} Binance futures' rules (stale {@code u < s}, first diff {@code U <= s <= u},
 *       then {@code pu == previous u}), without it Binance spot's ({@code U == previous u + 1}).
 * </ul>
 */
public final class TardisSyncRules implements BookSyncRules {
    private static final long serialVersionUID = 1L;

    private static final BookSyncRules UNSEQUENCED = new UnsequencedSyncRules(
            "any incremental_book_L2 group (tardis CSVs have no sequence numbers)").truncatedToSnapshotDepth();
    private static final BookSyncRules FUTURES = SequencedSyncRules.previousIdChain("pu == ")
            .bridging(Bridge.SPANS_SNAPSHOT).staleOnlyBelowSnapshot();
    private static final BookSyncRules SPOT = SequencedSyncRules.nextFirstId("U == ");
    private static final BookChecksum TOP_CHECK = new TardisTopCheck();

    private static BookSyncRules of(MarketEvent ev) {
        if (ev.firstUpdateId == MarketEvent.NONE) {
            return UNSEQUENCED;
        }
        return ev.prevUpdateId != MarketEvent.NONE ? FUTURES : SPOT;
    }

    @Override
    public boolean isStale(MarketEvent delta, long snapshotUpdateId) {
        return of(delta).isStale(delta, snapshotUpdateId);
    }

    @Override
    public boolean bridgesSnapshot(MarketEvent delta, long snapshotUpdateId) {
        return of(delta).bridgesSnapshot(delta, snapshotUpdateId);
    }

    @Override
    public boolean continues(MarketEvent delta, long previousLastUpdateId) {
        return of(delta).continues(delta, previousLastUpdateId);
    }

    @Override
    public boolean isDuplicate(MarketEvent delta, long lastUpdateId) {
        return of(delta).isDuplicate(delta, lastUpdateId);
    }

    @Override
    public boolean isOlderSnapshot(MarketEvent snapshot, long lastUpdateId) {
        return of(snapshot).isOlderSnapshot(snapshot, lastUpdateId);
    }

    @Override
    public BookChecksum checksum() {
        return TOP_CHECK; // only the check frames carry a checksum
    }

    @Override
    public int maxDepth(MarketEvent snapshot) {
        return Math.max(0, snapshot.bookDepth); // 0 but for book_snapshot_N books
    }

    @Override
    public String describeExpectation(long previousLastUpdateId) {
        return "the next group of the source's order (tardis: any; nautilus: pu == " + previousLastUpdateId
                + " or U == " + (previousLastUpdateId + 1) + ")";
    }
}
