package io.rrralgorithms.connectors.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
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
import java.util.zip.GZIPOutputStream;

/**
 * Builds tardis.dev and nautilus_trader CSV files from a recorded Binance capture (hftbacktest's
 * {@code <ns> <json>} lines), written for the tests independently of the importer and the
 * pipeline: its own JSON reading and a sorted-map book of {@link BigDecimal}s, Binance's own
 * rules (drop {@code u <= s}; spot {@code U == previous u + 1}, futures {@code pu == previous u}),
 * numbers written in shortest form as tardis writes them.
 *
 * <ul>
 *   <li>{@code incremental_book_L2}: the REST snapshot with the diffs buffered before it that it
 *       does not hold, as {@code is_snapshot} rows at the snapshot's receive time, then every later
 *       diff's levels at its receive time (µs), exchange time {@code E};
 *   <li>{@code book_snapshot_25}: the synced book's top 25 after the first diff of every
 *       {@code everySeconds} of exchange time;
 *   <li>{@code trades}: every trade (id {@code t}, side = taker's: {@code m} true is a sell);
 *   <li>{@code quotes}: every {@code bookTicker};
 *   <li>nautilus depth ({@link #nautilus}): the snapshot as {@code snap} rows and every diff as
 *       {@code set} rows with its own {@code U}, {@code u}, {@code pu}, in receive order.
 * </ul>
 */
public final class TardisConverter {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What {@link #tardis} wrote, for the tests' expectations. */
    public static final class Result {
        public final List<Path> files = new ArrayList<>();
        /** book_snapshot_25 rows: receive µs → top 25 as "bids|asks" text. */
        public final Map<Long, String> topRows = new TreeMap<>();
        public long incrementalRows;
        public long tradeRows;
        public long quoteRows;
        public long diffsApplied;
        public long staleDiffs;
    }

    private TardisConverter() {}

    /** Shortest exact form: {@code 61837.63000000} → {@code 61837.63}, {@code 0.00000000} → {@code 0}. */
    public static String shortest(String decimal) {
        BigDecimal d = new BigDecimal(decimal);
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static final class Book {
        final TreeMap<BigDecimal, String> bids = new TreeMap<>(Comparator.reverseOrder());
        final TreeMap<BigDecimal, String> asks = new TreeMap<>();

        void apply(JsonNode levels, boolean bid, List<String[]> changed) {
            for (JsonNode l : levels) {
                BigDecimal p = new BigDecimal(l.get(0).asText());
                String size = shortest(l.get(1).asText());
                TreeMap<BigDecimal, String> side = bid ? bids : asks;
                if (size.equals("0")) {
                    side.remove(p);
                } else {
                    side.put(p, size);
                }
                if (changed != null) {
                    changed.add(new String[] {bid ? "bid" : "ask", shortest(l.get(0).asText()), size});
                }
            }
        }

        /** "p:s,p:s|p:s,…" of the top {@code n}, in shortest form. */
        String top(int n) {
            StringBuilder sb = new StringBuilder();
            side(sb, bids, n);
            sb.append('|');
            side(sb, asks, n);
            return sb.toString();
        }

        private static void side(StringBuilder sb, TreeMap<BigDecimal, String> m, int n) {
            int i = 0;
            for (var e : m.entrySet()) {
                if (i++ == n) {
                    break;
                }
                if (i > 1) {
                    sb.append(',');
                }
                sb.append(shortest(e.getKey().toPlainString())).append(':').append(e.getValue());
            }
        }
    }

    private static List<String[]> lines(Path capture) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(capture)),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int sp = line.indexOf(' ');
                out.add(new String[] {line.substring(0, sp), line.substring(sp + 1)});
            }
        }
        return out;
    }

    private static PrintWriter gzipWriter(Path file) throws IOException {
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
        return new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code <exchange>_<type>_<date>_<SYMBOL>.csv.gz} for incremental_book_L2,
     * book_snapshot_25, trades and quotes into {@code dir}.
     */
    public static Result tardis(Path capture, String exchange, String date, String symbol, boolean futures,
            int everySeconds, Path dir) throws IOException {
        Result res = new Result();
        String prefix = exchange + "_";
        String suffix = "_" + date + "_" + symbol + ".csv.gz";
        Path inc = dir.resolve(prefix + "incremental_book_L2" + suffix);
        Path top = dir.resolve(prefix + "book_snapshot_25" + suffix);
        Path trades = dir.resolve(prefix + "trades" + suffix);
        Path quotes = dir.resolve(prefix + "quotes" + suffix);
        res.files.addAll(List.of(inc, top, trades, quotes));
        Book book = new Book();
        List<JsonNode> buffered = new ArrayList<>();
        long lastU = -1;
        long lastTopSecond = Long.MIN_VALUE;
        try (PrintWriter wi = gzipWriter(inc); PrintWriter wt = gzipWriter(top); PrintWriter wr = gzipWriter(trades);
                PrintWriter wq = gzipWriter(quotes)) {
            wi.print("exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount\n");
            StringBuilder h = new StringBuilder("exchange,symbol,timestamp,local_timestamp");
            for (int i = 0; i < 25; i++) {
                h.append(",asks[").append(i).append("].price,asks[").append(i).append("].amount,bids[").append(i)
                        .append("].price,bids[").append(i).append("].amount");
            }
            wt.print(h + "\n");
            wr.print("exchange,symbol,timestamp,local_timestamp,id,side,price,amount\n");
            wq.print("exchange,symbol,timestamp,local_timestamp,ask_amount,ask_price,bid_price,bid_amount\n");
            for (String[] line : lines(capture)) {
                long us = Long.parseLong(line[0]) / 1_000L;
                JsonNode root = JSON.readTree(line[1]);
                if (root.has("lastUpdateId")) {
                    book.bids.clear();
                    book.asks.clear();
                    book.apply(root.get("bids"), true, null);
                    book.apply(root.get("asks"), false, null);
                    lastU = root.get("lastUpdateId").asLong();
                    for (JsonNode d : buffered) { // the diffs it does not hold yet
                        if (d.get("u").asLong() > lastU) {
                            book.apply(d.get("b"), true, null);
                            book.apply(d.get("a"), false, null);
                            lastU = d.get("u").asLong();
                        }
                    }
                    buffered.clear();
                    long ts = root.has("E") ? root.get("E").asLong() * 1_000L : us;
                    for (var e : book.bids.entrySet()) {
                        wi.print(exchange + "," + symbol + "," + ts + "," + us + ",true,bid," + shortest(e.getKey().toPlainString())
                                + "," + e.getValue() + "\n");
                        res.incrementalRows++;
                    }
                    for (var e : book.asks.entrySet()) {
                        wi.print(exchange + "," + symbol + "," + ts + "," + us + ",true,ask," + shortest(e.getKey().toPlainString())
                                + "," + e.getValue() + "\n");
                        res.incrementalRows++;
                    }
                    continue;
                }
                JsonNode d = root.get("data");
                String stream = root.get("stream").asText();
                if (stream.contains("@depth")) {
                    if (lastU < 0) {
                        buffered.add(d);
                        continue;
                    }
                    long first = d.get("U").asLong();
                    long last = d.get("u").asLong();
                    if (last <= lastU) {
                        res.staleDiffs++;
                        continue;
                    }
                    boolean chains = futures ? d.get("pu").asLong() == lastU || (first <= lastU && last >= lastU)
                            : first == lastU + 1 || (first <= lastU + 1 && last >= lastU + 1);
                    if (!chains) {
                        throw new IllegalStateException("gap in the capture at u=" + last + " after " + lastU);
                    }
                    List<String[]> changed = new ArrayList<>();
                    book.apply(d.get("b"), true, changed);
                    book.apply(d.get("a"), false, changed);
                    lastU = last;
                    res.diffsApplied++;
                    long e = d.get("E").asLong();
                    for (String[] c : changed) {
                        wi.print(exchange + "," + symbol + "," + e * 1_000L + "," + us + ",false," + c[0] + "," + c[1] + ","
                                + c[2] + "\n");
                        res.incrementalRows++;
                    }
                    long second = e / (1_000L * everySeconds);
                    if (second != lastTopSecond) {
                        lastTopSecond = second;
                        wt.print(topRow(exchange, symbol, e * 1_000L, us, book) + "\n");
                        res.topRows.put(us, book.top(25));
                    }
                } else if (stream.endsWith("@trade")) {
                    wr.print(exchange + "," + symbol + "," + d.get("T").asLong() * 1_000L + "," + us + "," + d.get("t").asLong()
                            + "," + (d.get("m").asBoolean() ? "sell" : "buy") + "," + shortest(d.get("p").asText()) + ","
                            + shortest(d.get("q").asText()) + "\n");
                    res.tradeRows++;
                } else if (stream.endsWith("@bookTicker")) {
                    long ts = d.has("E") ? d.get("E").asLong() * 1_000L : us;
                    wq.print(exchange + "," + symbol + "," + ts + "," + us + "," + shortest(d.get("A").asText()) + ","
                            + shortest(d.get("a").asText()) + "," + shortest(d.get("b").asText()) + ","
                            + shortest(d.get("B").asText()) + "\n");
                    res.quoteRows++;
                }
            }
        }
        return res;
    }

    private static String topRow(String exchange, String symbol, long ts, long us, Book book) {
        StringBuilder sb = new StringBuilder(exchange + "," + symbol + "," + ts + "," + us);
        List<Map.Entry<BigDecimal, String>> asks = new ArrayList<>(book.asks.entrySet());
        List<Map.Entry<BigDecimal, String>> bids = new ArrayList<>(book.bids.entrySet());
        for (int i = 0; i < 25; i++) {
            sb.append(',').append(i < asks.size() ? shortest(asks.get(i).getKey().toPlainString()) : "");
            sb.append(',').append(i < asks.size() ? asks.get(i).getValue() : "");
            sb.append(',').append(i < bids.size() ? shortest(bids.get(i).getKey().toPlainString()) : "");
            sb.append(',').append(i < bids.size() ? bids.get(i).getValue() : "");
        }
        return sb.toString();
    }

    /**
     * Writes nautilus's {@code <SYMBOL>_T_DEPTH_<date>_depth_snap.csv} and {@code …_depth_update.csv}
     * (plain CSV, as nautilus's test data) into {@code dir}: returns the two files.
     */
    public static List<Path> nautilus(Path capture, String symbol, String date, Path dir) throws IOException {
        Path snap = dir.resolve(symbol + "_T_DEPTH_" + date + "_depth_snap.csv");
        Path update = dir.resolve(symbol + "_T_DEPTH_" + date + "_depth_update.csv");
        String header = "symbol,timestamp,first_update_id,last_update_id,side,update_type,price,qty,pu\n";
        try (PrintWriter ws = new PrintWriter(Files.newBufferedWriter(snap, StandardCharsets.UTF_8));
                PrintWriter wu = new PrintWriter(Files.newBufferedWriter(update, StandardCharsets.UTF_8))) {
            ws.print(header);
            wu.print(header);
            for (String[] line : lines(capture)) {
                JsonNode root = JSON.readTree(line[1]);
                if (root.has("lastUpdateId")) {
                    long id = root.get("lastUpdateId").asLong();
                    long e = root.get("E").asLong();
                    for (JsonNode l : root.get("bids")) {
                        ws.print(symbol + "," + e + "," + id + "," + id + ",b,snap," + l.get(0).asText() + "," + l.get(1).asText()
                                + "," + id + "\n");
                    }
                    for (JsonNode l : root.get("asks")) {
                        ws.print(symbol + "," + e + "," + id + "," + id + ",a,snap," + l.get(0).asText() + "," + l.get(1).asText()
                                + "," + id + "\n");
                    }
                    continue;
                }
                JsonNode d = root.get("data");
                if (!root.get("stream").asText().contains("@depth")) {
                    continue;
                }
                String ids = d.get("E").asLong() + "," + d.get("U").asLong() + "," + d.get("u").asLong();
                for (JsonNode l : d.get("b")) {
                    wu.print(symbol + "," + ids + ",b,set," + l.get(0).asText() + "," + l.get(1).asText() + ","
                            + d.get("pu").asLong() + "\n");
                }
                for (JsonNode l : d.get("a")) {
                    wu.print(symbol + "," + ids + ",a,set," + l.get(0).asText() + "," + l.get(1).asText() + ","
                            + d.get("pu").asLong() + "\n");
                }
            }
        }
        return List.of(snap, update);
    }
}
