package io.rrralgorithms.jobs.book;

/** Where a book is in the venue's sync protocol. */
public enum BookState {
    /** No snapshot yet: diffs are buffered. */
    EMPTY,
    /** Snapshot applied; the next diff must bridge it. */
    AWAITING_BRIDGE,
    /** Diffs chain; the book is valid. */
    SYNCED,
    /** A sequence break: invalid until the next snapshot; diffs are buffered. */
    INVALID
}
