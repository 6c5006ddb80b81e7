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
import io.rrralgorithms.jobs.book.BookTop;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The KuCoin capture of 2021-04-25 (10 symbols, ~30 s; level2, match, ticker, candles) with its
 * REST level2 snapshots through the in-process pipeline. Expectations from the raw lines with
 * Jackson: the match frames, the frames whose numbers are finer than the 8-decimal scale (dead
 * letters), and per symbol the changes above the snapshot's sequence, replayed into TreeMaps for
 * the final top 10.
 *
 * <p>What the data has: four of the nine snapshots cannot be held exactly (CAPP-BTC, ANKR-BTC and
 * DAPPT-BTC have ticks of 1e-10; BCHSV-USDT's book holds one ask of size 0.00019434546), so
 * those books never sync (their diffs wait for a snapshot that never decodes): no gap, no top.
 * The five others (SNX-BTC, FET-BTC, NRG-BTC, COV-BTC, EQZ-BTC) sync and chain without a break.
 * KuCoin sends no checksum.
 */
class KucoinReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DECIMAL = Pattern.compile("\"(-?[0-9]+\\.[0-9]+)\"");
    private static final int TOP = 10;

    static boolean finerThanScale(String json) {
        Matcher m = DECIMAL.matcher(json);
        while (m.find()) {
            if (new BigDecimal(m.group(1)).stripTrailingZeros().scale() > 8) {
                return true;
            }
        }
        return false;
    }

    /** A symbol's book by the raw lines: snapshot, then its changes above the snapshot's sequence, in sequence order. */
    private static final class Ref {
        long sequence;
        final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
        final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
        final TreeMap<Long, String[]> changes = new TreeMap<>(); // sequence -> side, price, size
        int stale;
    }

    @Test
    void replaysWithExactBooksAndDeadLettersWhereTheScaleCannotHoldTheNumbers() throws Exception {
        Path file = CaptureReplay.file("KUCOIN.ws.1.0");

        // ---- independent expectations
        Map<String, Ref> refs = new TreeMap<>();
        int snapshotsDead = 0, snapshots = 0;
        for (String line : Files.readAllLines(CaptureReplay.file("KUCOIN.http.0.0"), StandardCharsets.UTF_8)) {
            if (!line.contains("/market/orderbook/level2?symbol=")) {
                continue;
            }
            snapshots++;
            if (finerThanScale(line)) {
                snapshotsDead++;
                continue;
            }
            String sym = line.substring(line.indexOf("symbol=") + 7, line.indexOf(" -> "));
            JsonNode d = JSON.readTree(line.substring(line.indexOf(": ", line.indexOf(" -> ")) + 2)).get("data");
            Ref r = new Ref();
            r.sequence = Long.parseLong(d.get("sequence").asText());
            d.get("bids").forEach(l -> put(r.bids, l.get(0).asText(), l.get(1).asText()));
            d.get("asks").forEach(l -> put(r.asks, l.get(0).asText(), l.get(1).asText()));
            refs.put(sym, r);
        }
        int matches = 0, wsDead = 0, bbo = 0, ignored = 0, changes = 0;
        for (String s : CaptureReplay.receivedPayloads(file)) {
            JsonNode j = JSON.readTree(s);
            String subject = j.path("subject").asText("");
            if (!j.get("type").asText().equals("message") || subject.startsWith("trade.candles")) {
                ignored++;
                continue;
            }
            if (finerThanScale(s)) {
                wsDead++;
                continue;
            }
            JsonNode d = j.get("data");
            switch (subject) {
                case "trade.l3match" -> matches++;
                case "trade.ticker" -> bbo++;
                case "trade.l2update" -> {
                    Ref r = refs.get(d.get("symbol").asText());
                    for (String side : List.of("bids", "asks")) {
                        for (JsonNode c : d.get("changes").get(side)) {
                            changes++;
                            long q = Long.parseLong(c.get(2).asText());
                            if (r != null && q > r.sequence) {
                                r.changes.put(q, new String[] {side, c.get(0).asText(), c.get(1).asText()});
                            } else if (r != null) {
                                r.stale++;
                            }
                        }
                    }
                }
                default -> throw new AssertionError(subject);
            }
        }
        int sequenceBreaks = 0, applied = 0, stale = 0;
        Map<String, Integer> appliedPerSymbol = new TreeMap<>();
        for (Map.Entry<String, Ref> e : refs.entrySet()) {
            Ref r = e.getValue();
            long expect = r.sequence + 1;
            for (Map.Entry<Long, String[]> c : r.changes.entrySet()) {
                if (c.getKey() != expect) {
                    sequenceBreaks++;
                }
                expect = c.getKey() + 1;
                if (!c.getValue()[1].equals("0")) { // price 0: a sequence-only change
                    put(c.getValue()[0].equals("bids") ? r.bids : r.asks, c.getValue()[1], c.getValue()[2]);
                }
            }
            applied += r.changes.size();
            stale += r.stale;
            appliedPerSymbol.put(e.getKey(), r.changes.size());
        }
        assertEquals(9, snapshots);
        assertEquals(4, snapshotsDead);
        assertEquals(List.of("COV-BTC", "EQZ-BTC", "FET-BTC", "NRG-BTC", "SNX-BTC"), new ArrayList<>(refs.keySet()));
        assertEquals(0, sequenceBreaks, "the recorded sequences are unbroken above each snapshot");
        assertEquals(6, matches);
        assertEquals(497, wsDead);

        // ---- the pipeline
        CaptureReplay r = CaptureReplay.run(file, TOP);
        System.out.println(r.summary("kucoin (KUCOIN.ws.1.0 + KUCOIN.http.0.0)"));
        assertEquals(4721 + 9, r.counters.frames);
        assertEquals(wsDead + snapshotsDead, r.counters.decodeErrors,
                "dead letters: exactly the frames with numbers finer than 1e-8");
        assertEquals(501, r.counters.decodeErrors);
        assertEquals(matches, r.counters.trades, "trades = match frames that decode");
        assertEquals(matches, r.events(EventType.TRADE));
        assertEquals(changes, r.events(EventType.BOOK_DELTA), "one delta per change");
        assertEquals(snapshots - snapshotsDead, r.counters.snapshots);
        assertEquals(bbo, r.events(EventType.BBO));
        assertEquals(ignored, r.counters.ignoredFrames, "welcome, acks, candles");
        assertEquals(List.of(), r.gaps, "gaps");
        assertEquals(sequenceBreaks, r.counters.gaps);
        assertEquals(stale, r.counters.staleDiffs, "changes at or below the snapshot's sequence are dropped");
        assertEquals(0, r.counters.checksums, "KuCoin sends no checksum");
        assertEquals(0, r.counters.checksumFailures);
        assertEquals(List.of(), r.crossedTops);
        assertEquals(0, r.counters.crossed);
        assertEquals(applied, r.counters.syncedTops, "every change above the snapshot applied to a synced book");
        assertEquals(appliedPerSymbol, new TreeMap<>(r.syncedTops));
        for (Map.Entry<String, Ref> e : refs.entrySet()) {
            String sym = e.getKey();
            Ref ref = e.getValue();
            BookTop top = r.lastTop.get(sym);
            assertNotNull(top, sym);
            assertEquals(ref.changes.lastKey(), top.lastUpdateId, sym + " last sequence");
            assertArrayEquals(prices(ref.bids), top.bidPrices, sym + " bid prices");
            assertArrayEquals(sizes(ref.bids), top.bidSizes, sym + " bid sizes");
            assertArrayEquals(prices(ref.asks), top.askPrices, sym + " ask prices");
            assertArrayEquals(sizes(ref.asks), top.askSizes, sym + " ask sizes");
        }
        assertEquals(604 - 4, appliedPerSymbol.get("SNX-BTC"), "604 changes, 1612844051654..657 in the snapshot");
        assertTrue(r.counters.featureRows > 0);
        System.out.printf("kucoin: matches=%d deadLetters=%d (ws %d, snapshots %d) applied changes=%s stale=%d%n",
                matches, wsDead + snapshotsDead, wsDead, snapshotsDead, appliedPerSymbol, stale);
    }

    @Test
    void aMissingChangeIsExactlyOneGap() throws Exception {
        List<BookGap> gaps = new ArrayList<>();
        InProcessPipeline p = new InProcessPipeline(TOP, 100_000, 0L, new InProcessPipeline.Listener() {
            @Override
            public void gap(BookGap g) {
                gaps.add(g);
            }
        });
        int snx = 0;
        long dropped = -1;
        try (CaptureReader r = CaptureFiles.open(CaptureReplay.file("KUCOIN.ws.1.0"), null)) {
            while (r.hasNext()) {
                RawFrame f = r.next();
                String s = new String(f.payload, StandardCharsets.UTF_8);
                if (s.contains("\"topic\":\"/market/level2:SNX-BTC\"") && ++snx == 300) {
                    dropped = JSON.readTree(s).get("data").get("sequenceStart").asLong();
                    continue; // lost
                }
                p.frame(f);
            }
        }
        p.finish();
        assertEquals(1, gaps.size(), gaps.toString());
        BookGap g = gaps.get(0);
        assertEquals("SNX-BTC", g.nativeSymbol);
        assertEquals(dropped - 1, g.lastUpdateId);
        assertEquals(dropped + 1, g.updateId);
        assertEquals("sequence break: expected sequence " + dropped, g.reason);
    }

    private static void put(TreeMap<BigDecimal, BigDecimal> side, String price, String size) {
        BigDecimal px = new BigDecimal(price);
        BigDecimal sz = new BigDecimal(size);
        if (sz.signum() == 0) {
            side.remove(px);
        } else {
            side.put(px, sz);
        }
    }

    private static long[] prices(TreeMap<BigDecimal, BigDecimal> side) {
        return side.keySet().stream().limit(TOP).mapToLong(d -> d.movePointRight(8).longValueExact()).toArray();
    }

    private static long[] sizes(TreeMap<BigDecimal, BigDecimal> side) {
        return side.values().stream().limit(TOP).mapToLong(d -> d.movePointRight(8).longValueExact()).toArray();
    }
}
