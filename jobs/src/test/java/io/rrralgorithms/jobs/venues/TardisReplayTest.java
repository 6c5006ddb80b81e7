package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.testkit.TardisConverter;
import io.rrralgorithms.connectors.venues.Venues;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.features.InProcessPipeline;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tardis.dev CSV set and a nautilus depth CSV, built from the shared Binance captures by the
 * tests' own converter ({@link TardisConverter}), replayed in-process as the feed {@code tardis}:
 * every {@code book_snapshot_25} row equals the replayed incremental book's top 25 at its time
 * (the pipeline's own check and the test's comparison), the trades equal the capture's, and the
 * books equal the original capture's replay at every matching receive time.
 */
class TardisReplayTest {
    static final String SPOT = "binance-spot/btcusdt_20240808.gz";
    static final String USDM = "binance-usdm/btcusdt_20240718.gz";

    /** One in-process replay: its counters and its synced tops, per instrument by receive µs (the last of each µs). */
    record Replay(InProcessPipeline.Counters counters, Map<String, TreeMap<Long, String>> tops) {}

    static Replay replay(List<Path> files, int depth) throws Exception {
        return replay(files, depth, false);
    }

    /** @param byExchangeTime key the tops by their last update's exchange time (ms) instead of receive µs */
    static Replay replay(List<Path> files, int depth, boolean byExchangeTime) throws Exception {
        Map<String, TreeMap<Long, String>> tops = new TreeMap<>();
        InProcessPipeline p = new InProcessPipeline(depth, 100_000, 0L, new InProcessPipeline.Listener() {
            @Override
            public void top(BookTop t) {
                if (t.synced) {
                    tops.computeIfAbsent(t.symbol, k -> new TreeMap<>()).put(byExchangeTime ? t.exchangeTimeMs : t.receiveTimeNs / 1_000L, text(t, depth));
                }
            }
        });
        for (Path f : files) {
            try (CaptureReader r = CaptureFiles.open(f, null)) {
                while (r.hasNext()) {
                    p.frame(r.next());
                }
                System.out.println(r.summary());
            }
        }
        p.finish();
        return new Replay(p.counters(), tops);
    }

    /** The converter's form of a top: "p:s,p:s|p:s,…", shortest decimals. */
    static String text(BookTop t, int depth) {
        StringBuilder sb = new StringBuilder();
        side(sb, t.bidPrices, t.bidSizes, t.priceScale, t.sizeScale, depth);
        sb.append('|');
        side(sb, t.askPrices, t.askSizes, t.priceScale, t.sizeScale, depth);
        return sb.toString();
    }

    private static void side(StringBuilder sb, long[] prices, long[] sizes, int ps, int ss, int depth) {
        for (int i = 0; i < Math.min(depth, prices.length); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(TardisConverter.shortest(BigDecimal.valueOf(prices[i], ps).toPlainString())).append(':')
                    .append(TardisConverter.shortest(BigDecimal.valueOf(sizes[i], ss).toPlainString()));
        }
    }

    /** Every trade of the files, decoded by their feed's decoder: id, side, price, size, exchange time. */
    static List<String> trades(List<Path> files) throws Exception {
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            try (CaptureReader r = CaptureFiles.open(f, null)) {
                var decoder = Venues.forFeed(r.feed()).decoder();
                while (r.hasNext()) {
                    RawFrame frame = r.next();
                    List<MarketEvent> events = new ArrayList<>();
                    try {
                        decoder.decode(frame, events::add);
                    } catch (Exception e) {
                        continue; // counted by the replays
                    }
                    for (MarketEvent ev : events) {
                        if (ev.type == EventType.TRADE) {
                            out.add(ev.symbol + " " + ev.tradeId + " " + (ev.takerBuy ? "buy " : "sell ")
                                    + BigDecimal.valueOf(ev.price, ev.priceScale).stripTrailingZeros().toPlainString() + " "
                                    + BigDecimal.valueOf(ev.size, ev.sizeScale).stripTrailingZeros().toPlainString() + " "
                                    + ev.exchangeTimeMs);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Equal lists, or the first difference and the sizes (the lists are long). */
    static void assertSameList(List<String> want, List<String> got, String what) {
        int i = 0;
        while (i < Math.min(want.size(), got.size()) && want.get(i).equals(got.get(i))) {
            i++;
        }
        String first = i == Math.max(want.size(), got.size()) ? "none"
                : "at " + i + ": " + (i < want.size() ? want.get(i) : "-") + " vs " + (i < got.size() ? got.get(i) : "-");
        assertEquals(want.size() + " " + what + ", first difference none", got.size() + " " + what
                + ", first difference " + first);
        assertTrue(want.size() > 0, "no " + what);
    }

    /**
     * The tardis replay's tops equal the original's at every receive µs both have; the original
     * has one more (its REST snapshot's, reported before any diff): the tardis book's first top
     * comes with the first group after its snapshot.
     */
    static void assertSameBooks(Replay original, Replay imported, String symbol) {
        TreeMap<Long, String> want = original.tops().get(symbol);
        TreeMap<Long, String> got = imported.tops().get(symbol);
        assertTrue(got != null && got.size() > 1000, "tardis tops of " + symbol + ": " + (got == null ? 0 : got.size()));
        List<String> differences = new ArrayList<>();
        for (var e : got.entrySet()) {
            String w = want.get(e.getKey());
            if (!e.getValue().equals(w)) {
                differences.add(e.getKey() + ": imported " + e.getValue() + " original " + w);
            }
        }
        assertEquals(List.of(), differences.subList(0, Math.min(3, differences.size())), differences.size() + " differ");
        Set<Long> onlyOriginal = new TreeSet<>(want.keySet());
        onlyOriginal.removeAll(got.keySet());
        assertTrue(onlyOriginal.size() <= 1, "tops only in the original: " + onlyOriginal);
        System.out.printf("%s: %,d tops equal the original's (%,d original, only there: %s)%n", symbol, got.size(),
                want.size(), onlyOriginal);
    }

    @Test
    void aTardisSetReplaysToTheBookItsSnapshotRowsSayWithTheCapturesTradesAndBooks(@TempDir Path dir) throws Exception {
        Path capture = SharedData.market(SPOT);
        TardisConverter.Result set = TardisConverter.tardis(capture, "binance", "2024-08-08", "BTCUSDT", false, 1, dir);
        Replay imported = replay(List.of(set.files.get(0)), 25); // the set is read whole from any of its files
        InProcessPipeline.Counters c = imported.counters();
        System.out.printf("tardis set: %,d incremental rows, %,d top-25 rows, %,d trades, %,d quotes; pipeline: frames=%d"
                        + " deltas=%d snapshots=%d bbo=%d trades=%d checks=%d failed=%d gaps=%d deadLetters=%d%n",
                set.incrementalRows, set.topRows.size(), set.tradeRows, set.quoteRows, c.frames,
                c.eventsByType[EventType.BOOK_DELTA.ordinal()], c.snapshots, c.eventsByType[EventType.BBO.ordinal()],
                c.trades, c.checksums, c.checksumFailures, c.gaps, c.decodeErrors);

        // every book_snapshot_25 row: checked by the pipeline against its book, and by this test
        assertEquals(set.topRows.size(), c.checksums, "every book_snapshot_25 row is a check");
        assertEquals(0, c.checksumFailures);
        assertEquals(0, c.gaps);
        assertEquals(0, c.decodeErrors);
        TreeMap<Long, String> tops = imported.tops().get("BTC-USDT");
        List<String> wrong = new ArrayList<>();
        set.topRows.forEach((us, row) -> {
            if (!row.equals(tops.get(us))) {
                wrong.add(us + ": row " + row + ", book " + tops.get(us));
            }
        });
        assertEquals(List.of(), wrong.subList(0, Math.min(3, wrong.size())), wrong.size() + " rows differ");

        // trades and quotes: the capture's, one for one
        assertEquals(set.tradeRows, c.trades);
        assertEquals(set.quoteRows, c.eventsByType[EventType.BBO.ordinal()]);
        assertSameList(trades(List.of(capture)), trades(List.of(set.files.get(2))), "trades");

        // the books: the original capture's at every matching time
        Replay original = replay(List.of(capture), 25);
        assertSameBooks(original, imported, "BTC-USDT");
    }

    @Test
    void aNautilusDepthCsvReplaysToTheCapturesBook(@TempDir Path dir) throws Exception {
        Path capture = SharedData.market(USDM);
        List<Path> files = TardisConverter.nautilus(capture, "BTCUSDT", "2024-07-18", dir);
        Replay imported = replay(List.of(files.get(1)), 25, true);
        InProcessPipeline.Counters c = imported.counters();
        assertEquals(0, c.gaps);
        assertEquals(0, c.decodeErrors);
        assertEquals(1, c.snapshots);
        // no receive times in a nautilus CSV: its books are compared by exchange time
        Replay original = replay(List.of(capture), 25, true);
        assertSameBooks(original, imported, "BTC-USDT-PERP");
    }
}
