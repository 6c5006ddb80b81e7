package io.rrralgorithms.connectors.adapters.binance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cryptofeed captures of the four Binance feeds (spot {@code BINANCE}, {@code BINANCE_US},
 * USDⓈ-M {@code BINANCE_FUTURES}, COIN-M {@code BINANCE_DELIVERY}; 2021, 4–10 symbols, about 30 s
 * each), every {@code .ws.1.0} merged with the REST depth snapshots of its {@code .http.0.0},
 * for both venue contracts.
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
public final class BinanceOracle {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DEPTH_URL = Pattern.compile("^(\\S*/depth\\?\\S*) -> ([0-9.]+): (.*)$");
    private static final Pattern SYMBOL = Pattern.compile("[?&]symbol=([A-Z0-9_]+)");

    private BinanceOracle() {}

    /** One raw line: a WebSocket frame or a REST depth snapshot, with its receive time. */
    private record Line(long receiveNs, int order, String snapshotSymbol, JsonNode json) {}

    private static long nanos(String seconds) {
        return new BigDecimal(seconds).movePointRight(9).longValue();
    }

    /**
     * An hftbacktest capture ({@code <receive ns> <payload>} lines) of BTCUSDT: each line is one frame
     * and one event of the REST snapshot, the trade, the diff ({@code depthStream}) or the bookTicker
     * stream; a line of none of them counts as a frame only, so that the counts cannot agree.
     */
    public static RawCounts hftbacktest(List<Path> files, String depthStream) {
        RawCounts e = new RawCounts();
        for (Path file : files) {
            for (String line : CaptureLines.gzLines(file)) {
                e.frames++;
                String payload = line.substring(line.indexOf(' ') + 1);
                if (payload.startsWith("{\"lastUpdateId\"")) {
                    e.snapshots++;
                } else if (payload.startsWith("{\"stream\":\"btcusdt@trade\"")) {
                    e.trades++;
                } else if (payload.startsWith("{\"stream\":\"" + depthStream + "\"")) {
                    e.deltas++;
                } else if (payload.startsWith("{\"stream\":\"btcusdt@bookTicker\"")) {
                    e.bbo++;
                }
            }
        }
        return e;
    }

    public static RawCounts spot(List<Path> files) throws Exception {
        return count(files.get(0), false);
    }

    public static RawCounts futures(List<Path> files) throws Exception {
        return count(files.get(0), true);
    }

    private static RawCounts count(Path ws, boolean futures) throws Exception {
        Path http = ws.resolveSibling(ws.getFileName().toString().replace(".ws.1.0", ".http.0.0"));
        List<Line> lines = new ArrayList<>();
        RawCounts e = new RawCounts();
        for (CaptureLines.Received r : CaptureLines.received(ws)) {
            lines.add(new Line(nanos(r.seconds()), lines.size(), null, JSON.readTree(r.payload())));
        }
        for (String l : CaptureLines.lines(http)) {
            Matcher m = DEPTH_URL.matcher(l);
            if (m.matches()) {
                Matcher s = SYMBOL.matcher(m.group(1));
                assertTrue(s.find(), l);
                lines.add(new Line(nanos(m.group(2)), lines.size(), s.group(1), JSON.readTree(m.group(3))));
            }
        }
        lines.sort(Comparator.comparingLong(Line::receiveNs).thenComparingInt(Line::order));

        Map<String, Long> snapshotIds = new HashMap<>();
        Map<String, Long> lastApplied = new HashMap<>(); // per symbol, after its snapshot
        Map<String, List<JsonNode>> diffs = new HashMap<>();
        for (Line line : lines) {
            e.frames++;
            JsonNode j = line.json();
            if (line.snapshotSymbol() != null) {
                String s = line.snapshotSymbol();
                long id = j.get("lastUpdateId").longValue();
                snapshotIds.put(s, id);
                e.snapshots++;
                ReferenceBook b = e.book(s);
                j.get("bids").forEach(l -> b.set(true, l.get(0).textValue(), l.get(1).textValue()));
                j.get("asks").forEach(l -> b.set(false, l.get(0).textValue(), l.get(1).textValue()));
                // the diffs buffered before the snapshot, by Binance's rules
                int applied = 0;
                for (JsonNode d : diffs.getOrDefault(s, List.of())) {
                    applied += applyIfNotStale(e, s, d, id, futures, lastApplied) ? 1 : 0;
                }
                e.count("symbols with one diff before the snapshot", diffs.getOrDefault(s, List.of()).size() == 1 ? 1 : 0);
                e.count("buffered diffs not in the snapshot", applied);
                if (applied > 0) {
                    e.syncedTop(s); // the batch yields one top
                }
                continue;
            }
            JsonNode d = j.get("data");
            switch (d.path("e").asText()) {
                case "aggTrade", "trade" -> e.trades++;
                case "depthUpdate" -> {
                    e.deltas++;
                    String s = d.get("s").textValue();
                    Long id = snapshotIds.get(s);
                    if (id == null) {
                        diffs.computeIfAbsent(s, k -> new ArrayList<>()).add(d);
                    } else if (applyIfNotStale(e, s, d, id, futures, lastApplied)) {
                        e.syncedTop(s);
                    } else {
                        e.count("stale after snapshot", 1);
                    }
                }
                case "kline" -> e.ignored++;
                case "bookTicker" -> e.bbo++;
                default -> {
                    if (j.get("stream").textValue().endsWith("@bookTicker")) {
                        e.bbo++; // spot bookTicker data has no "e"
                    } else {
                        e.count("other", 1);
                    }
                }
            }
        }
        return e;
    }

    /** Binance's rules applied to the reference book; counts stale diffs and sequence violations. */
    private static boolean applyIfNotStale(RawCounts e, String s, JsonNode d, long snapshotId, boolean futures,
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
            e.count("bridge failures", bridges ? 0 : 1);
            e.count("bridges ending at the snapshot", last == snapshotId ? 1 : 0);
        } else if (futures ? d.get("pu").longValue() != prev : first != prev + 1) {
            e.gaps++;
        }
        ReferenceBook b = e.book(s);
        d.get("b").forEach(l -> b.set(true, l.get(0).textValue(), l.get(1).textValue()));
        d.get("a").forEach(l -> b.set(false, l.get(0).textValue(), l.get(1).textValue()));
        lastApplied.put(s, last);
        return true;
    }
}
