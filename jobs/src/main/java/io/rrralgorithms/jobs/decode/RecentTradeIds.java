package io.rrralgorithms.jobs.decode;

/**
 * The venue trade ids of an instrument's last {@link #CAPACITY} trades, to count a trade that is
 * delivered twice (a replayed frame, a redelivery after a reconnect) once. Bounded: a duplicate
 * more than {@code CAPACITY} trades after the original is not recognised. Ids that only grow (every
 * captured venue) cost one comparison; others a scan of the ring. A Flink POJO (keyed state of
 * {@link TradeDedupFunction}), free of Flink so that the in-process pipeline uses the same rule.
 */
public class RecentTradeIds {
    public static final int CAPACITY = 1024;

    /** Ring of ids, grown on demand up to {@link #CAPACITY}. */
    public long[] ids = new long[0];
    /** Ids held, and where the next one goes once the ring is full. */
    public int size;
    public int next;
    public long maxId = Long.MIN_VALUE;

    public RecentTradeIds() {}

    /** True the first time {@code id} is seen (and remembers it), false for a duplicate. */
    public boolean firstSeen(long id) {
        if (size == 0 || id > maxId) {
            remember(id);
            return true;
        }
        for (int i = 0; i < size; i++) {
            if (ids[i] == id) {
                return false;
            }
        }
        remember(id);
        return true;
    }

    private void remember(long id) {
        maxId = Math.max(maxId, id);
        if (size < CAPACITY) {
            if (size == ids.length) {
                long[] grown = new long[Math.min(CAPACITY, Math.max(16, ids.length * 2))];
                System.arraycopy(ids, 0, grown, 0, size);
                ids = grown;
            }
            ids[size++] = id;
            return;
        }
        ids[next] = id;
        next = (next + 1) % CAPACITY;
    }
}
