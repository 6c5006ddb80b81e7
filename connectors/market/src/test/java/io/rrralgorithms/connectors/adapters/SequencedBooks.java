package io.rrralgorithms.connectors.adapters;

import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The documented sequenced book procedures, kept the plain way for the oracles of venues that
 * follow them: diffs wait for their book's snapshot; a diff not above the snapshot's id is stale;
 * by next id ({@link #diff}: AscendEX, Bittrex) the first one applied spans {@code s + 1}
 * ({@code U <= s + 1 <= u}) and each next one starts at {@code previous u + 1}; by previous id
 * ({@link #chained}: bit.com) each names the snapshot's or the previous diff's id; one at or below
 * the book's id later is a repeat (stale), any other break a gap (the book lost until its next
 * snapshot, the breaking diff kept for it). Each applied diff is a synced top, except that the diffs waiting for a snapshot and
 * applied with it give one top. Results go to a {@link RawCounts}: stale, gaps, synced tops, books.
 */
public final class SequencedBooks {
    private final RawCounts raw;
    private final Map<String, Book> books = new TreeMap<>();

    private static final class Book {
        final ReferenceBook levels = new ReferenceBook();
        final List<Diff> pending = new ArrayList<>();
        long id;
        boolean loaded;
        boolean bridged;
    }

    /** {@code prev} the id the diff names as its predecessor, or -1 (chained by next id). */
    private record Diff(long first, long last, long prev, Consumer<ReferenceBook> levels) {}

    public SequencedBooks(RawCounts raw) {
        this.raw = raw;
    }

    /** A snapshot at {@code id}, its levels set by {@code levels} on an empty book. */
    public void snapshot(String symbol, long id, Consumer<ReferenceBook> levels) {
        Book b = books.computeIfAbsent(symbol, s -> new Book());
        if (b.loaded && b.bridged && id <= b.id) {
            return; // older than the synced book
        }
        b.levels.clear();
        levels.accept(b.levels);
        b.id = id;
        b.loaded = true;
        b.bridged = false;
        List<Diff> waiting = new ArrayList<>(b.pending);
        b.pending.clear();
        boolean applied = false;
        for (Diff d : waiting) {
            applied |= apply(b, d);
        }
        if (applied && b.loaded) {
            raw.syncedTop(symbol);
        }
    }

    /** A diff from {@code first} to {@code last}, its levels set by {@code levels}. */
    public void diff(String symbol, long first, long last, Consumer<ReferenceBook> levels) {
        Book b = books.computeIfAbsent(symbol, s -> new Book());
        if (apply(b, new Diff(first, last, -1, levels))) {
            raw.syncedTop(symbol);
        }
    }

    /** A diff ending at {@code last} that names {@code prev} as the id before it. */
    public void chained(String symbol, long prev, long last, Consumer<ReferenceBook> levels) {
        Book b = books.computeIfAbsent(symbol, s -> new Book());
        if (apply(b, new Diff(last, last, prev, levels))) {
            raw.syncedTop(symbol);
        }
    }

    private boolean apply(Book b, Diff d) {
        if (!b.loaded) {
            b.pending.add(d);
            return false;
        }
        if (d.last <= b.id) {
            raw.stale++;
            return false;
        }
        boolean joins = d.prev >= 0 ? d.prev == b.id
                : b.bridged ? d.first == b.id + 1 : d.first <= b.id + 1 && d.last >= b.id + 1;
        if (!joins) {
            raw.gaps++;
            b.loaded = false;
            b.levels.clear();
            b.pending.clear();
            b.pending.add(d);
            return false;
        }
        d.levels.accept(b.levels);
        b.id = d.last;
        b.bridged = true;
        return true;
    }

    /** The synced books with a synced top, at their last id, into {@link RawCounts#books}; their number as the fact "books". */
    public void finish() {
        books.forEach((s, b) -> {
            if (b.loaded && b.bridged && raw.syncedTops.containsKey(s)) {
                b.levels.lastUpdateId = b.id;
                raw.books.put(s, b.levels);
            }
        });
        raw.count("books", raw.books.size());
    }
}
