package io.rrralgorithms.jobs.venues;

import static io.rrralgorithms.jobs.venues.GateioReplayTest.JSON;
import static io.rrralgorithms.jobs.venues.GateioReplayTest.TOP;
import static io.rrralgorithms.jobs.venues.GateioReplayTest.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.model.EventType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The Gate.io USDT-perpetual capture of 2023-05-24 (10 contracts, ~20 s; order_book_update,
 * book_ticker, candlesticks, trades subscribed but none traded) with its REST order books
 * ({@code with_id=true}: each carries its {@code id}) through the in-process pipeline. Per
 * contract, the update-id join replayed from the raw lines into TreeMaps gives the final top 10.
 * Every number fits the scale (prices of 4 decimals, whole-contract sizes): no dead letter, no gap.
 */
class GateioFuturesReplayTest {

    @Test
    void replaysWithExactBooks() throws Exception {
        Path file = CaptureReplay.file("GATEIO_FUTURES.ws.1.0");
        Function<JsonNode, String[]> level = l -> new String[] {l.get("p").asText(), l.get("s").asText()};

        Map<String, GateioReplayTest.Ref> refs = new TreeMap<>();
        for (String line : Files.readAllLines(CaptureReplay.file("GATEIO_FUTURES.http.0.0"), StandardCharsets.UTF_8)) {
            if (!line.contains("/futures/usdt/order_book?")) {
                continue;
            }
            String contract = line.replaceAll(".*contract=([A-Z0-9_]+)&.*", "$1");
            JsonNode s = JSON.readTree(line.substring(line.indexOf(": ", line.indexOf(" -> ")) + 2));
            GateioReplayTest.Ref r = new GateioReplayTest.Ref();
            r.id = s.get("id").asLong();
            s.get("bids").forEach(l -> put(r.bids, level.apply(l)));
            s.get("asks").forEach(l -> put(r.asks, level.apply(l)));
            refs.put(contract, r);
        }
        int updates = 0, tickers = 0, trades = 0, ignored = 0;
        for (String p : CaptureReplay.receivedPayloads(file)) {
            JsonNode j = JSON.readTree(p);
            String channel = j.get("channel").asText();
            if (!j.get("event").asText().equals("update") || channel.equals("futures.candlesticks")) {
                ignored++;
                continue;
            }
            JsonNode res = j.get("result");
            switch (channel) {
                case "futures.order_book_update" -> {
                    updates++;
                    refs.get(res.get("s").asText()).update(res.get("U").asLong(), res.get("u").asLong(), res.get("b"),
                            res.get("a"), level);
                }
                case "futures.book_ticker" -> tickers++;
                case "futures.trades" -> trades += res.size();
                default -> throw new AssertionError(channel);
            }
        }
        Map<String, Integer> appliedPerContract = new TreeMap<>();
        int stale = 0, breaks = 0, applied = 0;
        for (Map.Entry<String, GateioReplayTest.Ref> e : refs.entrySet()) {
            stale += e.getValue().stale;
            breaks += e.getValue().breaks;
            applied += e.getValue().applied;
            appliedPerContract.put(e.getKey(), e.getValue().applied);
        }
        assertEquals(10, refs.size());
        assertEquals(0, breaks, "the recorded update ids chain without a break");
        assertEquals(0, trades, "no trade in the capture");
        assertEquals(36, stale, "updates already in the snapshots (u <= id)");
        assertEquals(352 - 36, applied);

        CaptureReplay r = CaptureReplay.run(file, TOP);
        System.out.println(r.summary("gateio-futures (GATEIO_FUTURES.ws.1.0 + GATEIO_FUTURES.http.0.0)"));
        assertEquals(450 + 10, r.counters.frames);
        assertEquals(0, r.counters.decodeErrors);
        assertEquals(trades, r.counters.trades);
        assertEquals(updates, r.events(EventType.BOOK_DELTA));
        assertEquals(352, updates);
        assertEquals(10, r.counters.snapshots);
        assertEquals(tickers, r.events(EventType.BBO));
        assertEquals(ignored, r.counters.ignoredFrames);
        assertEquals(List.of(), r.gaps);
        assertEquals(breaks, r.counters.gaps);
        assertEquals(stale, r.counters.staleDiffs);
        assertEquals(0, r.counters.checksums, "Gate.io sends no checksum");
        assertEquals(List.of(), r.crossedTops);
        assertEquals(0, r.counters.crossed);
        assertEquals(applied, r.counters.syncedTops);
        appliedPerContract.values().removeIf(n -> n == 0);
        assertEquals(appliedPerContract, new TreeMap<>(r.syncedTops));
        for (String c : appliedPerContract.keySet()) {
            GateioReplayTest.assertTop(r, c, refs.get(c));
        }
        assertTrue(r.counters.featureRows > 0);
        System.out.printf("gateio-futures: applied updates=%s stale=%d%n", appliedPerContract, stale);
    }
}
