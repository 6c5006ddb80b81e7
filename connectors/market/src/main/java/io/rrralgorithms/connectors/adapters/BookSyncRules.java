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

    /**
     * Whether a diff arriving at a synced book is one the book already holds (a redelivery):
     * drop it. By default a diff whose last update id is not above the book's; a venue whose diffs
     * carry no sequence cannot tell and overrides this.
     */
    default boolean isDuplicate(MarketEvent delta, long lastUpdateId) {
        return delta.lastUpdateId <= lastUpdateId;
    }

    /**
     * Whether a snapshot arriving at a synced book is older than what the book holds: ignore it.
     * By default a snapshot whose update id is not above the book's; a venue whose snapshots carry
     * no sequence overrides this (its snapshot is always authoritative).
     */
    default boolean isOlderSnapshot(MarketEvent snapshot, long lastUpdateId) {
        return snapshot.lastUpdateId <= lastUpdateId;
    }

    /**
     * The venue's book checksum, verified after every snapshot/delta that carries one
     * ({@link MarketEvent#checksum}); null where the venue sends none. A mismatch is a gap.
     */
    default BookChecksum checksum() {
        return null;
    }

    /**
     * Levels per side the venue's feed maintains for the book this snapshot starts (Kraken's
     * subscribed depth, OKX's 400), or 0 for no limit. The local book is truncated to it after
     * every update: the venue does not send a delete for a level that merely falls out of its
     * window, so keeping such a level would show it again when the levels above it are removed
     * (and break the checksum).
     */
    default int maxDepth(MarketEvent snapshot) {
        return 0;
    }

    /** What was expected, for the gap's log line and dead record. */
    String describeExpectation(long previousLastUpdateId);

    /**
     * Whether every snapshot is the book's next state: a feed that sends the whole book (its top
     * N levels) in every message and no diffs ({@link WholeBookSyncRules}). The book is synced at
     * the snapshot and its top reported at once, instead of after the first diff that bridges it.
     */
    default boolean snapshotsAreUpdates() {
        return false;
    }
}
