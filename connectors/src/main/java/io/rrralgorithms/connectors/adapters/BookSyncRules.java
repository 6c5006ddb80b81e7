package io.rrralgorithms.connectors.adapters;

import io.rrralgorithms.connectors.model.MarketEvent;
import java.io.Serializable;

/**
 * A venue's rules for keeping a local L2 book in sync: how a snapshot and the diff stream join,
 * and how consecutive diffs chain. A break of these rules is a gap: the book is invalid until
 * it resyncs from the next snapshot.
 */
public interface BookSyncRules extends Serializable {

    /** A diff that is already contained in the snapshot with this update id: drop it. */
    boolean isStale(MarketEvent delta, long snapshotUpdateId);

    /** Whether the first diff applied after a snapshot correctly straddles it. */
    boolean bridgesSnapshot(MarketEvent delta, long snapshotUpdateId);

    /** Whether {@code delta} directly follows the previously applied diff. */
    boolean continues(MarketEvent delta, long previousLastUpdateId);

    /** What was expected, for the gap's log line and dead record. */
    String describeExpectation(long previousLastUpdateId);
}
