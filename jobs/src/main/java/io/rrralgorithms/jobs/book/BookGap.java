package io.rrralgorithms.jobs.book;

/** A break of the venue's book sync rules: the book is invalid from here until it resyncs. */
public class BookGap {
    public String feed;
    public String nativeSymbol;
    public String symbol;
    /** Last update id in the book before the break (the snapshot id for a failed bridge). */
    public long lastUpdateId;
    /** The offending diff's U, u and pu. */
    public long firstUpdateId;
    public long updateId;
    public long prevUpdateId;
    public long exchangeTimeMs;
    public long receiveTimeNs;
    public String reason;

    public BookGap() {}

    @Override
    public String toString() {
        return "BookGap{" + feed + ':' + nativeSymbol + " last=" + lastUpdateId + " got U=" + firstUpdateId
                + " u=" + updateId + " pu=" + prevUpdateId + ": " + reason + '}';
    }
}
