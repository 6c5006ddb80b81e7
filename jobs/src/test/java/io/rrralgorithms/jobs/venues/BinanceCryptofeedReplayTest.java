package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.venues.Venues;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.jobs.book.BookTop;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The cryptofeed captures of the four Binance feeds (spot {@code BINANCE}, {@code BINANCE_US},
 * USDⓈ-M {@code BINANCE_FUTURES}, COIN-M {@code BINANCE_DELIVERY}; 2021, 4–10 symbols, about 30 s
 * each), every {@code .ws.1.0} merged with the REST depth snapshots of its {@code .http.0.0},
 * through decode → book sync → features ({@link CaptureReplay}).
 *
 * <p>Every expectation is computed here from the raw lines with Jackson, independently of the
 * decoder and of {@code BookSynchronizer}, and the exact numbers are asserted as well. What the
 * data has:
 *
 * <ul>
 *   <li><b>gaps: 0 on all four.</b> Every symbol's diff ids chain without a break over the whole
 *       capture (spot {@code U == previous u + 1}, futures {@code pu == previous u}), and each
 *       symbol's one snapshot is joined by the first diff that is not stale
 *       ({@code U <= lastUpdateId + 1 <= u} spot, {@code U <= lastUpdateId <= u} futures).
 *   <li><b>how the snapshots were taken:</b> cryptofeed requests a symbol's REST snapshot when the
 *       symbol's first diff arrives, and awaits it inside its WebSocket read loop. So exactly one
 *       diff of each symbol is buffered when its snapshot arrives, and in every case the snapshot
 *       already contains it (stale). While the REST call is awaited, the connection's frames queue
 *       up unread and get later receive times: frames that the snapshot already contains are read
 *       after it (1, 0, 8 and 249 of them). That is worst on COIN-M, whose ten snapshots were
 *       fetched one after another (each ~0.6 s) on one connection. The book waits for its bridging
 *       diff meanwhile; nothing is lost: no snapshot is older than the first diff it must join,
 *       and no buffer overflowed.
 *   <li><b>stale diffs</b> (already in the snapshot: {@code u <= lastUpdateId} spot,
 *       {@code u < lastUpdateId} futures): 5, 4, 12 and 259 = one buffered per symbol + those read
 *       after the snapshot.
 *   <li><b>the bridging diffs are tight:</b> on spot every one starts at exactly
 *       {@code lastUpdateId + 1}; on futures 3 of 4 (USDⓈ-M) and 5 of 10 (COIN-M) end at exactly
 *       {@code u == lastUpdateId}, which is why the futures rules drop only {@code u < lastUpdateId}
 *       (with {@code <=} those books would gap at once).
 *   <li>so no diff is applied from the buffer; every applied diff yields one synced top.
 * </ul>
 */
class BinanceCryptofeedReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RECEIVED = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?): (.*)$");
    private static final Pattern DEPTH_URL = Pattern.compile("^(\\S*/depth\\?\\S*) -> ([0-9.]+): (.*)$");
    private static final Pattern SYMBOL = Pattern.compile("[?&]symbol=([A-Z0-9_]+)");
    private static final int DEPTH = 10;

    /** One raw line: a WebSocket frame or a REST depth snapshot, with its receive time. */
    private record Line(long receiveNs, int order, String snapshotSymbol, JsonNode json) {}

    /** What the raw lines of one capture say, computed without the decoder or the synchronizer. */
    private static final class Expected {
        int wsFrames, trades, depth, bookTicker, klines, other;
        final Map<String, Long> snapshotIds = new TreeMap<>();
        int stale, breaks, bridgeFailures;
        /** Stale diffs received after their snapshot (queued behind the REST call). */
        int staleAfterSnapshot;
        /** Bridging diffs with {@code u == lastUpdateId} (futures). */
        int bridgesEndingAtSnapshot;
        /** Diffs of each symbol received before its snapshot, and how many of them were not stale. */
        final Map<String, Integer> bufferedDiffs = new TreeMap<>();
        final Map<String, Integer> appliedFromBuffer = new TreeMap<>();
        /** Synced tops per symbol: applied diffs after the snapshot + one for the buffered batch. */
        final Map<String, Integer> syncedTops = new TreeMap<>();
        final Map<String, TreeMap<BigDecimal, BigDecimal>> bids = new HashMap<>();
        final Map<String, TreeMap<BigDecimal, BigDecimal>> asks = new HashMap<>();
    }

    private static long nanos(String seconds) {
        return new BigDecimal(seconds).movePointRight(9).longValue();
    }

    private static Expected expected(String exchange, boolean futures) throws Exception {
        Path ws = CaptureReplay.file(exchange + ".ws.1.0");
        Path http = CaptureReplay.file(exchange + ".http.0.0");
        List<Line> lines = new ArrayList<>();
        Expected e = new Expected();
        for (String l : Files.readAllLines(ws, StandardCharsets.UTF_8)) {
            Matcher m = RECEIVED.matcher(l);
            if (m.matches()) {
                lines.add(new Line(nanos(m.group(1)), lines.size(), null, JSON.readTree(m.group(2))));
            }
        }
        for (String l : Files.readAllLines(http, StandardCharsets.UTF_8)) {
            Matcher m = DEPTH_URL.matcher(l);
            if (m.matches()) {
                Matcher s = SYMBOL.matcher(m.group(1));
                assertTrue(s.find(), l);
                lines.add(new Line(nanos(m.group(2)), lines.size(), s.group(1), JSON.readTree(m.group(3))));
            }
        }
        lines.sort(Comparator.comparingLong(Line::receiveNs).thenComparingInt(Line::order));

        Map<String, Long> lastApplied = new HashMap<>(); // per symbol, after its snapshot
        Map<String, List<JsonNode>> diffs = new HashMap<>();
        for (Line line : lines) {
            JsonNode j = line.json();
            if (line.snapshotSymbol() != null) {
                String s = line.snapshotSymbol();
                long id = j.get("lastUpdateId").longValue();
                e.snapshotIds.put(s, id);
                TreeMap<BigDecimal, BigDecimal> b = new TreeMap<>(Collections.reverseOrder());
                TreeMap<BigDecimal, BigDecimal> a = new TreeMap<>();
                j.get("bids").forEach(l -> put(b, l));
                j.get("asks").forEach(l -> put(a, l));
                e.bids.put(s, b);
                e.asks.put(s, a);
                // the diffs buffered before the snapshot, by Binance's rules
                int applied = 0;
                for (JsonNode d : diffs.getOrDefault(s, List.of())) {
                    applied += applyIfNotStale(e, s, d, id, futures, lastApplied) ? 1 : 0;
                }
                e.bufferedDiffs.put(s, diffs.getOrDefault(s, List.of()).size());
                e.appliedFromBuffer.put(s, applied);
                if (applied > 0) {
                    e.syncedTops.merge(s, 1, Integer::sum); // the batch yields one top
                }
                continue;
            }
            e.wsFrames++;
            JsonNode d = j.get("data");
            String stream = j.get("stream").textValue();
            switch (d.path("e").asText()) {
                case "aggTrade", "trade" -> e.trades++;
                case "depthUpdate" -> {
                    e.depth++;
                    String s = d.get("s").textValue();
                    Long id = e.snapshotIds.get(s);
                    if (id == null) {
                        diffs.computeIfAbsent(s, k -> new ArrayList<>()).add(d);
                    } else if (applyIfNotStale(e, s, d, id, futures, lastApplied)) {
                        e.syncedTops.merge(s, 1, Integer::sum);
                    } else {
                        e.staleAfterSnapshot++;
                    }
                }
                case "kline" -> e.klines++;
                case "bookTicker" -> e.bookTicker++;
                default -> {
                    if (stream.endsWith("@bookTicker")) {
                        e.bookTicker++; // spot bookTicker data has no "e"
                    } else {
                        e.other++;
                    }
                }
            }
        }
        return e;
    }

    /** Binance's rules applied to the reference book; counts stale diffs and sequence violations. */
    private static boolean applyIfNotStale(Expected e, String s, JsonNode d, long snapshotId, boolean futures,
            Map<String, Long> lastApplied) {
        long first = d.get("U").longValue(), last = d.get("u").longValue();
        Long prev = lastApplied.get(s);
        if (prev == null) {
            if (futures ? last < snapshotId : last <= snapshotId) {
                e.stale++;
                return false;
            }
            boolean bridges = futures ? first <= snapshotId && last >= snapshotId
                    : first <= snapshotId + 1 && last >= snapshotId + 1;
            if (!bridges) {
                e.bridgeFailures++;
            }
            if (last == snapshotId) {
                e.bridgesEndingAtSnapshot++;
            }
        } else if (futures ? d.get("pu").longValue() != prev : first != prev + 1) {
            e.breaks++;
        }
        d.get("b").forEach(l -> put(e.bids.get(s), l));
        d.get("a").forEach(l -> put(e.asks.get(s), l));
        lastApplied.put(s, last);
        return true;
    }

    private static void put(TreeMap<BigDecimal, BigDecimal> side, JsonNode level) {
        BigDecimal px = new BigDecimal(level.get(0).textValue());
        BigDecimal sz = new BigDecimal(level.get(1).textValue());
        if (sz.signum() == 0) {
            side.remove(px);
        } else {
            side.put(px, sz);
        }
    }

    private static long mantissa(BigDecimal d) {
        return d.movePointRight(8).longValueExact();
    }

    private static long[] top(TreeMap<BigDecimal, BigDecimal> side, boolean prices) {
        return (prices ? side.keySet() : side.values()).stream().limit(DEPTH)
                .mapToLong(BinanceCryptofeedReplayTest::mantissa).toArray();
    }

    /**
     * Replays the capture and checks it against the raw lines; the literal numbers are what the
     * independent scan of the capture gives, asserted so that both cannot drift together.
     */
    private static void replay(String exchange, String feed, boolean futures, int wsFrames, int trades, int depth,
            int bookTicker, int klines, int snapshots, int stale, int staleAfterSnapshot, int bridgesEndingAtSnapshot,
            int syncedTops) throws Exception {
        Expected e = expected(exchange, futures);
        // one diff buffered per symbol (the one that made cryptofeed fetch the snapshot), already in it
        for (String s : e.snapshotIds.keySet()) {
            assertEquals(1, e.bufferedDiffs.get(s), s + " diffs before its snapshot");
            assertEquals(0, e.appliedFromBuffer.get(s), s + " buffered diffs not in the snapshot");
        }
        assertEquals(staleAfterSnapshot, e.staleAfterSnapshot, "stale diffs read after their snapshot");
        assertEquals(stale, snapshots + staleAfterSnapshot);
        assertEquals(bridgesEndingAtSnapshot, e.bridgesEndingAtSnapshot, "bridging diffs with u == lastUpdateId");
        assertEquals(List.of(wsFrames, trades, depth, bookTicker, klines, 0, snapshots, stale, 0, 0, syncedTops),
                List.of(e.wsFrames, e.trades, e.depth, e.bookTicker, e.klines, e.other, e.snapshotIds.size(), e.stale,
                        e.breaks, e.bridgeFailures, e.syncedTops.values().stream().mapToInt(Integer::intValue).sum()),
                "raw scan: frames, trades, depth, bookTicker, kline, other, snapshots, stale, breaks, bridge failures,"
                        + " synced tops");

        CaptureReplay r = CaptureReplay.run(CaptureReplay.file(exchange + ".ws.1.0"), DEPTH);
        System.out.println(r.summary(feed));
        var c = r.counters;
        assertEquals(0, c.decodeErrors, "decode errors");
        assertEquals(e.wsFrames + e.snapshotIds.size(), c.frames, "WebSocket frames + REST snapshots");
        assertEquals(e.klines, c.ignoredFrames, "klines are the only ignored frames");
        assertEquals(e.trades, c.trades, "trades = aggTrade frames");
        assertEquals(e.trades, r.events(EventType.TRADE));
        assertEquals(e.depth, r.events(EventType.BOOK_DELTA));
        assertEquals(e.bookTicker, r.events(EventType.BBO));
        assertEquals(e.snapshotIds.size(), r.events(EventType.BOOK_SNAPSHOT));
        assertEquals(e.snapshotIds.size(), c.snapshots);
        assertEquals(List.of(), r.gaps, "gaps");
        assertEquals(0, c.gaps);
        assertEquals(List.of(), r.crossedTops, "crossed synced tops");
        assertEquals(0, c.crossed);
        assertEquals(0, c.checksums, "Binance sends no book checksum");
        assertEquals(0, c.checksumFailures);
        assertEquals(e.stale, c.staleDiffs, "stale diffs");
        assertEquals(0, c.pendingDropped);
        assertEquals(e.syncedTops.values().stream().mapToInt(Integer::intValue).sum(), c.syncedTops);
        assertEquals(c.syncedTops, c.tops, "no unsynced top: no book was ever invalidated");
        assertEquals(e.syncedTops, new TreeMap<>(r.syncedTops), "synced tops per symbol");
        assertEquals(e.snapshotIds.keySet(), r.lastTop.keySet(), "every instrument with a snapshot got synced");
        assertTrue(c.featureRows > 0, "features computed");

        // the final top-10 of every instrument equals the TreeMap replay, and agrees with the metadata
        InstrumentCatalog catalog = InstrumentCatalog.fromCryptofeed(CaptureReplay.file(exchange + ".0"),
                Venues.forFeed(feed));
        for (String s : e.snapshotIds.keySet()) {
            BookTop t = r.lastTop.get(s);
            assertNotNull(t, s);
            assertArrayEquals(top(e.bids.get(s), true), t.bidPrices, s + " bid prices");
            assertArrayEquals(top(e.bids.get(s), false), t.bidSizes, s + " bid sizes");
            assertArrayEquals(top(e.asks.get(s), true), t.askPrices, s + " ask prices");
            assertArrayEquals(top(e.asks.get(s), false), t.askSizes, s + " ask sizes");
            assertEquals(DEPTH, t.bidPrices.length, s);
            assertEquals(DEPTH, t.askPrices.length, s);
            Instrument i = catalog.byNative(s).orElseThrow();
            assertEquals(i.symbol(), t.symbol, "normalized symbol of " + s);
            long tick = mantissa(i.tickSize()), lot = mantissa(i.lotSize());
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
    }

    @Test
    void binanceSpot() throws Exception {
        replay("BINANCE", "binance-spot", false, 265, 2, 177, 84, 2, 4, 5, 1, 0, 172);
    }

    @Test
    void binanceUs() throws Exception {
        replay("BINANCE_US", "binance-us", false, 480, 11, 336, 128, 5, 4, 4, 0, 0, 332);
    }

    @Test
    void binanceUsdm() throws Exception {
        replay("BINANCE_FUTURES", "binance-usdm", true, 1535, 91, 764, 613, 67, 4, 12, 8, 3, 752);
    }

    @Test
    void binanceCoinm() throws Exception {
        replay("BINANCE_DELIVERY", "binance-coinm", true, 4371, 51, 2047, 2240, 33, 10, 259, 249, 5, 1788);
    }
}
