package io.rrralgorithms.connectors.adapters;

import io.rrralgorithms.connectors.model.MarketEvent;

/**
 * The part shared by the sync rules of venues whose every snapshot is authoritative (no snapshot
 * is older than the book: a new one is a resubscription) and whose integrity rests on the
 * connection's order and the venue's book checksum, where it sends one (Coinbase, Gemini, Kraken,
 * Bitfinex, OKX). A venue that keeps a window of N levels and sends no delete for a level pushed
 * out of it has its book truncated to the snapshot's {@link MarketEvent#bookDepth}.
 */
public abstract class AuthoritativeSnapshotSyncRules implements BookSyncRules {
    private final BookChecksum checksum;
    private final boolean windowed;

    /**
     * @param checksum the venue's book checksum, verified after every update that carries one; null if none
     * @param windowed whether the book is truncated to the snapshot's depth after every update (0: unbounded)
     */
    protected AuthoritativeSnapshotSyncRules(BookChecksum checksum, boolean windowed) {
        this.checksum = checksum;
        this.windowed = windowed;
    }

    /** Whether the book is truncated to the snapshot's depth. */
    protected final boolean windowed() {
        return windowed;
    }

    @Override
    public final boolean isOlderSnapshot(MarketEvent snapshot, long lastUpdateId) {
        return false;
    }

    @Override
    public final BookChecksum checksum() {
        return checksum;
    }

    @Override
    public final int maxDepth(MarketEvent snapshot) {
        return windowed ? Math.max(0, snapshot.bookDepth) : 0;
    }
}
