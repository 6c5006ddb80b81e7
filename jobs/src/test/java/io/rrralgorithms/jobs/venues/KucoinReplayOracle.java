package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.Mantissa;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import io.rrralgorithms.jobs.book.BookGap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The KuCoin capture of 2021-04-25 (10 symbols, ~30 s; level2, match, ticker, candles) with its
 * REST level2 snapshots in the replay contract: the match frames, the frames whose numbers are
 * finer than the 8-decimal scale (dead letters), and per symbol the changes above the snapshot's
 * sequence, replayed in sequence order into TreeMaps.
 *
 * <p>What the data has: four of the nine snapshots cannot be held exactly (CAPP-BTC, ANKR-BTC and
 * DAPPT-BTC have ticks of 1e-10; BCHSV-USDT's book holds one ask of size 0.00019434546), so
 * those books never sync (their diffs wait for a snapshot that never decodes): no gap, no top.
 * The five others (SNX-BTC, FET-BTC, NRG-BTC, COV-BTC, EQZ-BTC) sync and chain without a break.
 * KuCoin sends no checksum.
 */
final class KucoinReplayOracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KucoinReplayOracle() {}

    static RawCounts oracle(List<Path> files) throws Exception {
        RawCounts e = new RawCounts();
        Map<String, Long> snapshotSequence = new TreeMap<>();
        Map<String, TreeMap<Long, String[]>> changes = new TreeMap<>(); // sequence -> side, price, size
        for (CaptureLines.Rest r : e.restBooks(CaptureReplay.file("KUCOIN.http.0.0"), "/market/orderbook/level2?symbol=")) {
            String sym = r.url().substring(r.url().indexOf("symbol=") + 7);
            JsonNode d = JSON.readTree(r.body()).get("data");
            snapshotSequence.put(sym, Long.parseLong(d.get("sequence").asText()));
            changes.put(sym, new TreeMap<>());
            ReferenceBook b = e.book(sym);
            d.get("bids").forEach(l -> b.set(true, l.get(0).asText(), l.get(1).asText()));
            d.get("asks").forEach(l -> b.set(false, l.get(0).asText(), l.get(1).asText()));
        }
        for (String s : CaptureLines.payloads(files.get(0))) {
            e.frames++;
            JsonNode j = JSON.readTree(s);
            String subject = j.path("subject").asText("");
            if (!j.get("type").asText().equals("message") || subject.startsWith("trade.candles")) {
                e.ignored++; // welcome, acks, candles
                continue;
            }
            if (Mantissa.finerThanScale(s)) {
                e.decodeErrors++;
                e.count("dead frames", 1);
                continue;
            }
            JsonNode d = j.get("data");
            switch (subject) {
                case "trade.l3match" -> e.trades++;
                case "trade.ticker" -> e.bbo++;
                case "trade.l2update" -> {
                    String sym = d.get("symbol").asText();
                    for (String side : List.of("bids", "asks")) {
                        for (JsonNode c : d.get("changes").get(side)) {
                            e.deltas++; // one delta per change
                            long q = Long.parseLong(c.get(2).asText());
                            if (changes.containsKey(sym) && q > snapshotSequence.get(sym)) {
                                changes.get(sym).put(q, new String[] {side, c.get(0).asText(), c.get(1).asText()});
                            } else if (changes.containsKey(sym)) {
                                e.stale++; // at or below the snapshot's sequence
                            }
                        }
                    }
                }
                default -> throw new AssertionError(subject);
            }
        }
        for (Map.Entry<String, TreeMap<Long, String[]>> c : changes.entrySet()) {
            String sym = c.getKey();
            ReferenceBook b = e.book(sym);
            long expect = snapshotSequence.get(sym) + 1;
            for (Map.Entry<Long, String[]> change : c.getValue().entrySet()) {
                e.gaps += change.getKey() == expect ? 0 : 1;
                expect = change.getKey() + 1;
                if (!change.getValue()[1].equals("0")) { // price 0: a sequence-only change
                    b.set(change.getValue()[0].equals("bids"), change.getValue()[1], change.getValue()[2]);
                }
                e.syncedTop(sym);
            }
            b.lastUpdateId = c.getValue().lastKey();
        }
        return e;
    }

    static void extra(RawCounts e, CaptureReplay r) {
        assertEquals(4, e.fact("dead snapshots"));
        assertEquals(497, e.fact("dead frames"));
        assertEquals(List.of("COV-BTC", "EQZ-BTC", "FET-BTC", "NRG-BTC", "SNX-BTC"), new ArrayList<>(e.books.keySet()));
        assertEquals(604 - 4, e.syncedTops.get("SNX-BTC"), "604 changes, 1612844051654..657 in the snapshot");
    }

    /** The 300th SNX-BTC frame lost: the next change's sequence is not the book's + 1. */
    static final ReplayCase.Drop DROP = new ReplayCase.Drop("SNX-BTC", s -> s.contains("\"topic\":\"/market/level2:SNX-BTC\""),
            300, (String dropped, BookGap g) -> {
                long sequence = JSON.readTree(dropped).get("data").get("sequenceStart").asLong();
                assertEquals(sequence - 1, g.lastUpdateId);
                assertEquals(sequence + 1, g.updateId);
                assertEquals("sequence break: expected sequence " + sequence, g.reason);
            });
}
