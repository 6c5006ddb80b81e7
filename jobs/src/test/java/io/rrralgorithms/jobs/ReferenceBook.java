package io.rrralgorithms.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * An independent recomputation of a Binance L2 book from an hftbacktest capture, written
 * separately from the production classes: plain sorted maps of BigDecimal, Binance's documented
 * rules applied line by line.
 */
public final class ReferenceBook {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean futures;
    final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
    final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private final List<JsonNode> buffered = new ArrayList<>();
    private boolean synced;
    long lastU = -1;
    int gaps;
    int diffsApplied;

    public ReferenceBook(boolean futures) {
        this.futures = futures;
    }

    /** Replays capture files (one stream) and returns the resulting book. */
    public static ReferenceBook replay(boolean futures, Path... files) throws IOException {
        ReferenceBook b = new ReferenceBook(futures);
        for (Path f : files) {
            for (String line : lines(f)) {
                b.onJson(JSON.readTree(line.substring(line.indexOf(' ') + 1)));
            }
        }
        return b;
    }

    static List<String> lines(Path f) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)),
                StandardCharsets.UTF_8))) {
            String l;
            while ((l = r.readLine()) != null) {
                out.add(l);
            }
        }
        return out;
    }

    public void onJson(JsonNode n) {
        if (n.has("lastUpdateId")) {
            snapshot(n);
        } else if (n.has("stream") && n.get("stream").asText().contains("@depth")) {
            diff(n.get("data"));
        }
    }

    private void snapshot(JsonNode n) {
        long id = n.get("lastUpdateId").asLong();
        bids.clear();
        asks.clear();
        n.get("bids").forEach(l -> bids.put(new BigDecimal(l.get(0).asText()), new BigDecimal(l.get(1).asText())));
        n.get("asks").forEach(l -> asks.put(new BigDecimal(l.get(0).asText()), new BigDecimal(l.get(1).asText())));
        lastU = id;
        synced = true;
        boolean first = true;
        for (JsonNode d : buffered) {
            long u = d.get("u").asLong();
            if (futures ? u < id : u <= id) {
                continue;
            }
            apply(d, first);
            first = false;
        }
        buffered.clear();
        firstAfterSnapshot = first;
    }

    private boolean firstAfterSnapshot;

    private void diff(JsonNode d) {
        if (!synced) {
            buffered.add(d);
            return;
        }
        long u = d.get("u").asLong();
        if (firstAfterSnapshot && (futures ? u < lastU : u <= lastU)) {
            return;
        }
        apply(d, firstAfterSnapshot);
        firstAfterSnapshot = false;
    }

    private void apply(JsonNode d, boolean first) {
        long bigU = d.get("U").asLong();
        long u = d.get("u").asLong();
        if (first) {
            long id = lastU;
            boolean bridges = futures ? bigU <= id && id <= u : bigU <= id + 1 && id + 1 <= u;
            if (!bridges) {
                gaps++;
            }
        } else {
            boolean chained = futures ? d.get("pu").asLong() == lastU : bigU == lastU + 1;
            if (!chained) {
                gaps++;
            }
        }
        d.get("b").forEach(l -> set(bids, l));
        d.get("a").forEach(l -> set(asks, l));
        lastU = u;
        diffsApplied++;
    }

    private static void set(TreeMap<BigDecimal, BigDecimal> side, JsonNode level) {
        BigDecimal p = new BigDecimal(level.get(0).asText());
        BigDecimal q = new BigDecimal(level.get(1).asText());
        if (q.signum() == 0) {
            side.remove(p);
        } else {
            side.put(p, q);
        }
    }

    /** The top n levels as "price@size" strings with trailing zeros stripped. */
    public static List<String> top(Map<BigDecimal, BigDecimal> side, int n) {
        List<String> out = new ArrayList<>();
        for (var e : side.entrySet()) {
            if (out.size() == n) {
                break;
            }
            out.add(e.getKey().stripTrailingZeros().toPlainString() + "@" + e.getValue().stripTrailingZeros().toPlainString());
        }
        return out;
    }

    public List<String> topBids(int n) {
        return top(bids, n);
    }

    public List<String> topAsks(int n) {
        return top(asks, n);
    }

    /** Full book as snapshot JSON in Binance's REST shape (for injecting a resync snapshot). */
    public String toSnapshotJson() {
        StringBuilder b = new StringBuilder("{\"lastUpdateId\":").append(lastU).append(",\"bids\":[");
        appendLevels(b, bids);
        b.append("],\"asks\":[");
        appendLevels(b, asks);
        return b.append("]}").toString();
    }

    private static void appendLevels(StringBuilder b, Map<BigDecimal, BigDecimal> side) {
        int i = 0;
        for (var e : side.entrySet()) {
            b.append(i++ > 0 ? "," : "").append("[\"").append(e.getKey().toPlainString()).append("\",\"")
                    .append(e.getValue().toPlainString()).append("\"]");
        }
    }
}
