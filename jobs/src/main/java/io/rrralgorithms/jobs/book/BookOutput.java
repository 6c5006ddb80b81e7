package io.rrralgorithms.jobs.book;

/** What {@link BookSynchronizer} reports; the Flink operator turns these into output and metrics. */
public interface BookOutput {
    void top(BookTop top);

    void gap(BookGap gap);

    default void crossed(OrderBook book, String instrument) {}

    default void staleDiff() {}

    default void snapshot() {}

    default void pendingDropped(int n) {}

    /** A venue checksum was compared with the local book of a {@code feed}: {@code ok} when they agreed. */
    default void checksum(String feed, boolean ok) {}
}
