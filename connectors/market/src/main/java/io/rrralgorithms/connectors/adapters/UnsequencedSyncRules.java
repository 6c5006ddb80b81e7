package io.rrralgorithms.connectors.adapters;

import io.rrralgorithms.connectors.model.MarketEvent;

/**
 * The sync rules of a feed whose snapshots and diffs carry no sequence number (Coinbase level2,
 * Gemini v2, Kraken v1): the snapshot comes first on the connection and the diffs apply on top
 * of it in order. The decoders give book events their <em>receive time</em> (ns) as update id,
 * so the one check left is receive order: a diff received before the snapshot (buffered while
 * the book waited for it, e.g. from the connection before a resubscription) is stale, never
 * applied on top of it. Otherwise no diff is a bridge failure, a chain break or a duplicate; a
 * new snapshot (a resubscription) is always authoritative; no gap is ever reported by sequence.
 * Integrity rests on the connection's ordering (and the checksum where the venue sends one); a
 * lost connection must resubscribe, which sends a fresh snapshot.
 *
 * <p>A venue that checksums its book (Kraken) declares it with {@link #withChecksum}; one that keeps
 * a window of N levels and sends no delete for a level pushed out of it, with
 * {@link #truncatedToSnapshotDepth}.
 */
public final class UnsequencedSyncRules extends AuthoritativeSnapshotSyncRules {
    private final String expectation;

    /** @param expectation what any diff is, for log lines (e.g. "any l2update (level2 has no sequence numbers)") */
    public UnsequencedSyncRules(String expectation) {
        this(expectation, null, false);
    }

    private UnsequencedSyncRules(String expectation, BookChecksum checksum, boolean windowed) {
        super(checksum, windowed);
        this.expectation = expectation;
    }

    /** These rules with the venue's book checksum verified after every update that carries one. */
    public UnsequencedSyncRules withChecksum(BookChecksum venueChecksum) {
        return new UnsequencedSyncRules(expectation, venueChecksum, windowed());
    }

    /**
     * These rules with the book truncated to the snapshot's {@link MarketEvent#bookDepth} after
     * every update (the venue's window, read by the decoder; 0: unbounded).
     */
    public UnsequencedSyncRules truncatedToSnapshotDepth() {
        return new UnsequencedSyncRules(expectation, checksum(), true);
    }

    @Override
    public boolean isStale(MarketEvent d, long snapshotUpdateId) {
        return d.lastUpdateId < snapshotUpdateId; // received before the snapshot (receive-time ids)
    }

    @Override
    public boolean bridgesSnapshot(MarketEvent d, long snapshotUpdateId) {
        return true;
    }

    @Override
    public boolean continues(MarketEvent d, long previousLastUpdateId) {
        return true;
    }

    @Override
    public boolean isDuplicate(MarketEvent d, long lastUpdateId) {
        return false;
    }

    @Override
    public String describeExpectation(long previousLastUpdateId) {
        return expectation;
    }
}
