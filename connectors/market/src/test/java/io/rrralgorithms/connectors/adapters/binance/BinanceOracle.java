package io.rrralgorithms.connectors.adapters.binance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.CaptureLines;
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
 * The raw-line oracle of the Binance captures for both venue contracts: the cryptofeed captures of
 * spot {@code BINANCE}, {@code BINANCE_US}, USDⓈ-M {@code BINANCE_FUTURES} and COIN-M
 * {@code BINANCE_DELIVERY} (2021, 4–10 symbols, ~30 s; each {@code .ws.1.0} merged by receive time
 * with the REST depth snapshots of its {@code .http.0.0}) and the hftbacktest BTCUSDT captures.
 *
 * <p>What the data has: no gap (spot {@code U == previous u + 1}, futures {@code pu == previous u});
 * cryptofeed fetches a symbol's snapshot on its first diff, so one diff per symbol is buffered and
 * already in it, and the frames queued while it waited are read after it (1, 0, 8, 249); stale diffs
 * ({@code u <= lastUpdateId} spot, {@code u < lastUpdateId} futures, as 3 of 4 USDⓈ-M and 5 of 10
 * COIN-M bridges end at {@code u == lastUpdateId}): 5, 4, 12, 259; every applied diff one synced top.
 */
public final class BinanceOracle {
    private static final Pattern SYMBOL = Pattern.compile("[?&]symbol=([A-Z0-9_]+)");

    private BinanceOracle() {}

    /** One raw line: a WebSocket frame or a REST depth snapshot (of {@code snapshotSymbol}), by receive time. */
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
        return count(files, false);
    }

    public static RawCounts futures(List<Path> files) throws Exception {
        return count(files, true);
    }

    private static RawCounts count(List<Path> files, boolean futures) throws Exception {
        RawCounts e = new RawCounts();
        List<Line> lines = new ArrayList<>();
        for (RawCounts.Frame f : e.frames(files)) {
            lines.add(new Line(nanos(f.seconds()), lines.size(), null, f.json()));
        }
        for (CaptureLines.Rest r : CaptureLines.rest(RawCounts.http(files), "/depth?")) {
            Matcher s = SYMBOL.matcher(r.url());
            assertTrue(s.find(), r.url());
            e.frames++;
            lines.add(new Line(nanos(r.seconds()), lines.size(), s.group(1), RawCounts.JSON.readTree(r.body())));
        }
        lines.sort(Comparator.comparingLong(Line::receiveNs).thenComparingInt(Line::order));
        Map<String, Long> snapshotIds = new HashMap<>();
        Map<String, Long> lastApplied = new HashMap<>(); // per symbol, after its snapshot
        Map<String, List<JsonNode>> diffs = new HashMap<>();
        for (Line line : lines) {
            JsonNode j = line.json();
            String s = line.snapshotSymbol();
            if (s != null) {
                long id = j.get("lastUpdateId").longValue();
                snapshotIds.put(s, id);
                e.snapshots++;
                e.book(s).apply(j.get("bids"), j.get("asks"));
                List<JsonNode> buffered = diffs.getOrDefault(s, List.of()); // by Binance's rules
                int applied = 0;
                for (JsonNode d : buffered) {
                    applied += applyIfNotStale(e, s, d, id, futures, lastApplied) ? 1 : 0;
                }
                e.count("symbols with one diff before the snapshot", buffered.size() == 1 ? 1 : 0);
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
                    s = d.get("s").textValue();
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
        } else {
            e.gaps += (futures ? d.get("pu").longValue() == prev : first == prev + 1) ? 0 : 1;
        }
        e.book(s).apply(d.get("b"), d.get("a"));
        lastApplied.put(s, last);
        return true;
    }
}
