package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.*;

import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.features.InProcessPipeline;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        List<BookGap> gaps = new ArrayList<>();
        Map<String, BookTop> last = new HashMap<>();
        InProcessPipeline p = new InProcessPipeline(TOP, 100_000, 0L, new InProcessPipeline.Listener() {
            @Override
            public void top(BookTop t) {
                if (t.synced) {
                    last.put(t.nativeSymbol, t);
                }
            }

            @Override
            public void gap(BookGap g) {
                gaps.add(g);
            }
        });
        int btcDeltas = 0;
        RawFrame replay = null;
        try (CaptureReader r = CaptureFiles.open(CaptureReplay.file("BYBIT.ws.26.0"), null)) {
            while (r.hasNext()) {
                RawFrame f = r.next();
                p.frame(f);
                if (new String(f.payload, StandardCharsets.UTF_8).startsWith("{\"topic\":\"orderBookL2_25.BTCUSD\",\"type\":\"delta\"")) {
                    btcDeltas++;
                    if (btcDeltas == 100) {
                        replay = f;
                    } else if (btcDeltas == 101) {
                        p.frame(replay); // the 100th again, after the 101st
                    }
                }
            }
        }
        p.finish();
        assertEquals(List.of(), gaps);
        assertEquals(1, p.counters().staleDiffs, "the redelivered delta is dropped as one the book holds");
        assertEquals(1, p.counters().eventsByType[EventType.BOOK_DELTA.ordinal()] - 1016, "decoded twice");
        CaptureReplay full = CaptureReplay.run(CaptureReplay.file("BYBIT.ws.26.0"), TOP);
        BookTop a = last.get("BTCUSD");
        BookTop b = full.lastTop.get("BTCUSD");
        assertEquals(b.lastUpdateId, a.lastUpdateId);
        assertArrayEquals(new long[][] {b.bidPrices, b.bidSizes, b.askPrices, b.askSizes},
                new long[][] {a.bidPrices, a.bidSizes, a.askPrices, a.askSizes});
    }
}
