package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.features.InProcessPipeline;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Gate.io spot capture of 2021-04-22 (10 pairs, ~30 s; order_book_update, trades, tickers,
 * candlesticks) with its REST order books through the in-process pipeline. Expectations from the
 * raw lines with Jackson: trade frames, the frames finer than the 8-decimal scale, and per pair the
 * Binance-style join (drop {@code u <= id}, bridge, chain) replayed into TreeMaps for the final
 * top 10.
 *
 * <p>What the data has: the REST books of OMG_USDT, INK_USDT, DIS_USDT and BTC_USDC hold sizes of
 * 9-10 decimals (dust left by quote-funded orders, finer than the pairs' lots), so those snapshots
 * are dead letters and the four books never sync (no gap, no top); so are the first OMG_USDT and
 * INK_USDT updates (their whole top-100 book) and two later OMG_USDT updates. The six other pairs
 * sync and chain without a break. Gate.io sends no checksum.
 */
class GateioReplayTest {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DECIMAL = Pattern.compile("\"(-?[0-9]+\\.[0-9]+)\"");
    static final int TOP = 10;

    static boolean finerThanScale(String json) {
        Matcher m = DECIMAL.matcher(json);
        while (m.find()) {
            if (new BigDecimal(m.group(1)).stripTrailingZeros().scale() > 8) {
                return true;
            }
        }
        return false;
    }

    /** One book by the raw lines: the snapshot, then the update-id join. */
    static final class Ref {
        long id;
        long last = -1;
        boolean bridged;
        int stale, applied, breaks;
        final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
        final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();

        /** Gate.io's documented join; {@code levels} gives a side's [price, size] pairs. */
        void update(long first, long lastId, Iterable<JsonNode> b, Iterable<JsonNode> a, Function<JsonNode, String[]> level) {
            if (!bridged) {
                if (lastId <= id) {
                    stale++;
                    return;
                }
                if (first > id + 1) {
                    breaks++;
                    return;
                }
                bridged = true;
            } else if (first != last + 1) {
                breaks++;
            }
            b.forEach(l -> put(bids, level.apply(l)));
            a.forEach(l -> put(asks, level.apply(l)));
            last = lastId;
            applied++;
        }
    }

    @Test
    void replaysWithExactBooksAndDeadLettersWhereTheScaleCannotHoldTheNumbers() throws Exception {
        Path file = CaptureReplay.file("GATEIO.ws.1.0");
        Function<JsonNode, String[]> level = l -> new String[] {l.get(0).asText(), l.get(1).asText()};

        // ---- independent expectations: snapshots first (the join does not depend on arrival order)
        Map<String, Ref> refs = new TreeMap<>();
        int snapshots = 0, snapshotsDead = 0;
        for (String line : Files.readAllLines(CaptureReplay.file("GATEIO.http.0.0"), StandardCharsets.UTF_8)) {
            if (!line.contains("/spot/order_book?")) {
                continue;
            }
            snapshots++;
            if (finerThanScale(line)) {
                snapshotsDead++;
                continue;
            }
            String pair = line.replaceAll(".*currency_pair=([A-Z0-9_]+)&.*", "$1");
            JsonNode s = JSON.readTree(line.substring(line.indexOf(": ", line.indexOf(" -> ")) + 2));
            Ref r = new Ref();
            r.id = s.get("id").asLong();
            s.get("bids").forEach(l -> put(r.bids, level.apply(l)));
            s.get("asks").forEach(l -> put(r.asks, level.apply(l)));
            refs.put(pair, r);
        }
        int trades = 0, updates = 0, wsDead = 0, tickers = 0, ignored = 0;
        for (String p : CaptureReplay.receivedPayloads(file)) {
            JsonNode j = JSON.readTree(p);
            String channel = j.get("channel").asText();
            if (!j.get("event").asText().equals("update") || channel.equals("spot.candlesticks")) {
                ignored++;
                continue;
            }
            JsonNode res = j.get("result");
            switch (channel) {
                case "spot.trades" -> trades++;
                case "spot.tickers" -> tickers++;
                case "spot.order_book_update" -> {
                    if (finerThanScale(p)) {
                        wsDead++;
                        continue;
                    }
                    updates++;
                    Ref r = refs.get(res.get("s").asText());
                    if (r != null) {
                        r.update(res.get("U").asLong(), res.get("u").asLong(), res.get("b"), res.get("a"), level);
                    }
                }
                default -> throw new AssertionError(channel);
            }
        }
        Map<String, Integer> appliedPerPair = new TreeMap<>();
        int stale = 0, breaks = 0, applied = 0;
        for (Map.Entry<String, Ref> e : refs.entrySet()) {
            stale += e.getValue().stale;
            breaks += e.getValue().breaks;
            applied += e.getValue().applied;
            if (e.getValue().applied > 0) {
                appliedPerPair.put(e.getKey(), e.getValue().applied);
            }
        }
        assertEquals(10, snapshots);
        assertEquals(4, snapshotsDead);
        assertEquals(4, wsDead);
        assertEquals(9, trades);
        assertEquals(0, breaks, "the recorded update ids chain without a break");
        assertEquals(Map.of("FAST_USDT", 20, "HAI_ETH", 5, "NANO_USDT", 4, "NEO_BTC", 36, "QTUM3S_USDT", 16,
                "ZKS_ETH", 11), appliedPerPair);

        // ---- the pipeline
        CaptureReplay r = CaptureReplay.run(file, TOP);
        System.out.println(r.summary("gateio (GATEIO.ws.1.0 + GATEIO.http.0.0)"));
        assertEquals(239 + 10, r.counters.frames);
        assertEquals(wsDead + snapshotsDead, r.counters.decodeErrors, "dead letters: the frames finer than 1e-8");
        assertEquals(trades, r.counters.trades, "trades = spot.trades updates");
        assertEquals(trades, r.events(EventType.TRADE));
        assertEquals(updates, r.events(EventType.BOOK_DELTA));
        assertEquals(snapshots - snapshotsDead, r.counters.snapshots);
        assertEquals(tickers, r.events(EventType.BBO));
        assertEquals(ignored, r.counters.ignoredFrames, "subscribe replies, candlesticks");
        assertEquals(List.of(), r.gaps);
        assertEquals(breaks, r.counters.gaps);
        assertEquals(stale, r.counters.staleDiffs, "updates already in the snapshot (u <= id) dropped");
        assertEquals(1 + 2 + 1 + 1 + 3 + 1, stale, "HAI, QTUM3S, FAST, ZKS, NEO, NANO; incl. the top-100 books sent as the"
                + " first update of HAI_ETH, QTUM3S_USDT, ZKS_ETH and NEO_BTC");
        assertEquals(0, r.counters.checksums, "Gate.io sends no checksum");
        assertEquals(List.of(), r.crossedTops);
        assertEquals(0, r.counters.crossed);
        assertEquals(applied, r.counters.syncedTops);
        assertEquals(appliedPerPair, new TreeMap<>(r.syncedTops));
        for (String pair : appliedPerPair.keySet()) {
            assertTop(r, pair, refs.get(pair));
        }
        assertTrue(r.counters.featureRows > 0);
    }

    static void assertTop(CaptureReplay r, String sym, Ref ref) {
        var top = r.lastTop.get(sym);
        assertNotNull(top, sym);
        assertEquals(ref.last, top.lastUpdateId, sym + " last update id");
        assertArrayEquals(prices(ref.bids), top.bidPrices, sym + " bid prices");
        assertArrayEquals(sizes(ref.bids), top.bidSizes, sym + " bid sizes");
        assertArrayEquals(prices(ref.asks), top.askPrices, sym + " ask prices");
        assertArrayEquals(sizes(ref.asks), top.askSizes, sym + " ask sizes");
    }

    @Test
    void aMissingUpdateIsExactlyOneGap() throws Exception {
        List<BookGap> gaps = new ArrayList<>();
        InProcessPipeline p = new InProcessPipeline(TOP, 100_000, 0L, new InProcessPipeline.Listener() {
            @Override
            public void gap(BookGap g) {
                gaps.add(g);
            }
        });
        int neo = 0;
        long droppedFirst = -1, droppedLast = -1;
        try (CaptureReader r = CaptureFiles.open(CaptureReplay.file("GATEIO.ws.1.0"), null)) {
            while (r.hasNext()) {
                RawFrame f = r.next();
                String s = new String(f.payload, StandardCharsets.UTF_8);
                if (s.contains("spot.order_book_update\",\"event\":\"update\"") && s.contains("\"s\":\"NEO_BTC\"")
                        && ++neo == 20) {
                    JsonNode res = JSON.readTree(s).get("result");
                    droppedFirst = res.get("U").asLong();
                    droppedLast = res.get("u").asLong();
                    continue; // lost
                }
                p.frame(f);
            }
        }
        p.finish();
        assertEquals(1, gaps.size(), gaps.toString());
        BookGap g = gaps.get(0);
        assertEquals("NEO_BTC", g.nativeSymbol);
        assertEquals(droppedFirst - 1, g.lastUpdateId);
        assertEquals(droppedLast + 1, g.firstUpdateId);
        assertEquals("sequence break: expected U == " + droppedFirst, g.reason);
    }

    static void put(TreeMap<BigDecimal, BigDecimal> side, String[] level) {
        BigDecimal px = new BigDecimal(level[0]);
        BigDecimal sz = new BigDecimal(level[1]);
        if (sz.signum() == 0) {
            side.remove(px);
        } else {
            side.put(px, sz);
        }
    }

    static long[] prices(TreeMap<BigDecimal, BigDecimal> side) {
        return side.keySet().stream().limit(TOP).mapToLong(d -> d.movePointRight(8).longValueExact()).toArray();
    }

    static long[] sizes(TreeMap<BigDecimal, BigDecimal> side) {
        return side.values().stream().limit(TOP).mapToLong(d -> d.movePointRight(8).longValueExact()).toArray();
    }
}
