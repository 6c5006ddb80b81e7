package io.rrralgorithms.connectors.adapters.cryptocom;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.SequencedSyncRules;
import io.rrralgorithms.connectors.model.MarketEvent;

/**
 * Crypto.com's {@code book.{instrument}.{depth}} is one of two subscriptions, told apart by what
 * arrives: the snapshot subscription sends the whole top-N book in every message and no diffs
 * (the whole-book family: each book is the next state, reported at once; one not newer than the
 * book ignored); the delta subscription sends one such book, then {@code book.update} messages
 * with {@code u} and the {@code pu} of the update before (the previous-id chain: stale
 * {@code u <= s}, first {@code pu == s}, then {@code pu == previous u}). No family is both, hence
 * this class: every snapshot is an update (so a snapshot-only book is synced at once), and diffs
 * chain by {@code pu}. The book is kept to the subscribed depth N ({@code depth} of the message,
 * {@link MarketEvent#bookDepth}): the venue's book is its top N. The {@code cs} checksum of the
 * delta messages is not verified (its string form is not documented in the sources used).
 */
final class CryptocomSyncRules implements BookSyncRules {
    private static final long serialVersionUID = 1L;

    private final SequencedSyncRules chain = SequencedSyncRules.previousIdChain("a book.update with pu == ");

    @Override
    public boolean snapshotsAreUpdates() {
        return true;
    }

    @Override
    public boolean isStale(MarketEvent delta, long snapshotUpdateId) {
        return chain.isStale(delta, snapshotUpdateId);
    }

    @Override
    public boolean bridgesSnapshot(MarketEvent delta, long snapshotUpdateId) {
        return chain.bridgesSnapshot(delta, snapshotUpdateId);
    }

    @Override
    public boolean continues(MarketEvent delta, long previousLastUpdateId) {
        return chain.continues(delta, previousLastUpdateId);
    }

    @Override
    public int maxDepth(MarketEvent snapshot) {
        return Math.max(0, snapshot.bookDepth);
    }

    @Override
    public String describeExpectation(long previousLastUpdateId) {
        return chain.describeExpectation(previousLastUpdateId);
    }
}
