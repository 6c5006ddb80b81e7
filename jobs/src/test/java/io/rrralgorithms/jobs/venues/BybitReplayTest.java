package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.*;

import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.jobs.book.BookTop;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Bybit captures of 2021-04-17 ({@code BYBIT.ws.25.0}: 8 USDT perpetuals on
 * {@code realtime_public}; {@code BYBIT.ws.26.0}: BTCUSD and EOSUSD on {@code realtime}; ~30 s,
 * orderBookL2_25 and trade) as one feed in the replay contract ({@code BybitOracle}); here a
 * redelivered delta.
 */
class BybitReplayTest {
    static final int TOP = 25;

    static void extra(RawCounts e, CaptureReplay r) {
        assertEquals(142, e.fact("trade frames"));
        assertEquals(10, e.books.size());
    }

    /**
     * cross_seq is not contiguous, so a lost delta cannot be seen; what the rules do catch is a
     * delta older than the book (a redelivery): it is dropped, no gap, and the book ends as in the
     * full replay.
     */
    @Test
    void aRedeliveredDeltaIsDroppedWithoutAGap() throws Exception {
        CaptureReplay p = new CaptureReplay(TOP);
        int btcDeltas = 0;
        RawFrame replay = null;
        for (RawFrame f : CaptureReplay.read(List.of(CaptureReplay.file("BYBIT.ws.26.0")))) {
            p.feed(f);
            if (CaptureReplay.text(f).startsWith("{\"topic\":\"orderBookL2_25.BTCUSD\",\"type\":\"delta\"")) {
                if (++btcDeltas == 100) {
                    replay = f;
                } else if (btcDeltas == 101) {
                    p.feed(replay); // the 100th again, after the 101st
                }
            }
        }
        p.finish();
        assertEquals(List.of(), p.gaps);
        assertEquals(1, p.counters.staleDiffs, "the redelivered delta is dropped as one the book holds");
        assertEquals(1, p.events(EventType.BOOK_DELTA) - 1016, "decoded twice");
        BookTop a = p.lastTop.get("BTCUSD");
        BookTop b = CaptureReplay.run(CaptureReplay.file("BYBIT.ws.26.0"), TOP).lastTop.get("BTCUSD");
        assertEquals(b.lastUpdateId, a.lastUpdateId);
        assertArrayEquals(new long[][] {b.bidPrices, b.bidSizes, b.askPrices, b.askSizes},
                new long[][] {a.bidPrices, a.bidSizes, a.askPrices, a.askSizes});
    }
}
