package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.testkit.Mantissa;
import io.rrralgorithms.connectors.venues.Venues;
import io.rrralgorithms.jobs.book.BookTop;
import java.util.List;

/**
 * What only the Binance captures show through the pipeline (the raw-line facts are the decoder
 * cases'; oracle {@code BinanceOracle}): every instrument synced, no book ever invalidated, the
 * final tops on the recorded metadata's ticks and lots.
 */
final class BinanceReplayChecks {
    static final int DEPTH = 10;

    private BinanceReplayChecks() {}

    static ReplayCase.Extra extra(String exchange, String feed) {
        return (e, r) -> {
            var c = r.counters;
            assertEquals(0, c.pendingDropped);
            assertEquals(c.syncedTops, c.tops, "no unsynced top: no book was ever invalidated");
            assertEquals(e.books.keySet(), r.lastTop.keySet(), "every instrument with a snapshot got synced");
            InstrumentCatalog catalog = InstrumentCatalog.fromCryptofeed(CaptureReplay.file(exchange + ".0"),
                    Venues.forFeed(feed));
            for (String s : e.books.keySet()) {
                BookTop t = r.lastTop.get(s);
                assertEquals(DEPTH, t.bidPrices.length, s);
                assertEquals(DEPTH, t.askPrices.length, s);
                Instrument i = catalog.byNative(s).orElseThrow();
                assertEquals(i.symbol(), t.symbol, "normalized symbol of " + s);
                long tick = Mantissa.m(i.tickSize()), lot = Mantissa.m(i.lotSize());
                for (long[] px : List.of(t.bidPrices, t.askPrices)) {
                    for (long p : px) {
                        assertEquals(0, p % tick, s + " price " + p + " off the tick " + i.tickSize());
                    }
                }
                for (long[] sz : List.of(t.bidSizes, t.askSizes)) {
                    for (long q : sz) {
                        assertEquals(0, q % lot, s + " size " + q + " off the lot " + i.lotSize());
                    }
                }
            }
        };
    }
}
