package io.rrralgorithms.jobs.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.jobs.local.RunSummary;
import io.rrralgorithms.jobs.trading.InstrumentState;
import io.rrralgorithms.models.training.Evaluation;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code rrr report}: one self-contained HTML page (inline SVG plots from {@link SvgChart}, a
 * style sheet, no script, nothing fetched) of a run's rows in PostgreSQL, in four sections: the
 * run, each account, each instrument, each model version. Every plot is a {@code <figure
 * data-chart=KIND ...>} naming what it shows (account, instrument, model), so a reader (or a test)
 * can tie it to the rows it came from.
 *
 * <p>What a run is: the tables are keyed by event time, not by run (a replay rewrites the same
 * rows), so a run's rows are the rows of the instruments it decoded ({@code pipeline_runs.counts
 * ->instruments}) over the event time they span; {@code --from/--to} narrow it. Without a run and a
 * range, the latest run is reported; with a range alone, every instrument with rows in it.
 */
public final class HtmlReport {
    /** Rolling IC window, in scored seconds (pairs of score and realized return, in time order). */
    public static final int IC_WINDOW = 120;
    /** Ends of an unbounded range. */
    static final long MIN_MS = 0L;
    static final long MAX_MS = 253_402_214_400_000L; // 9999-12-31

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    private static final String BUY = "#1a9850";
    private static final String SELL = "#d73027";
    private static final String GAP = "#d62728";
    private static final String DEAD = "#9467bd";

    /** What to report: a run and/or an event-time range (ms, null = open), and accounts (empty = all). */
    public record Selection(UUID runId, Long fromMs, Long toMs, List<String> accounts) {}

    /** One instrument: its feed, native and normalized symbol. */
    record Instrument(String feed, String nativeSymbol, String symbol) {
        String key() {
            return feed + ':' + nativeSymbol;
        }
    }

    /** What was written: the page and the numbers it shows on top. */
    public record Written(Path page, List<UUID> runs, int accounts, int instruments, int models, long points,
            long bytes, long fromMs, long toMs) {}

    private final Connection c;
    private final Selection sel;
    private final PostgresTarget target;
    private long lo;
    private long hi;
    private final List<JsonNode> runs = new ArrayList<>();
    private final List<Instrument> instruments = new ArrayList<>();
    private String[] scopeKeys;
    private long points;

    private HtmlReport(Connection c, PostgresTarget target, Selection sel) {
        this.c = c;
        this.target = target;
        this.sel = sel;
    }

    /** Writes {@code dir/index.html}; a {@link IllegalArgumentException} says what was not found. */
    public static Written write(PostgresTarget target, Selection sel, Path dir) throws SQLException, IOException {
        try (Connection c = target.connect()) {
            HtmlReport r = new HtmlReport(c, target, sel);
            String html = r.render();
            Files.createDirectories(dir);
            Path page = dir.resolve("index.html");
            Files.writeString(page, html, StandardCharsets.UTF_8);
            List<UUID> ids = r.runs.stream().map(n -> UUID.fromString(n.get("run_id").asText())).toList();
            return new Written(page, ids, r.accountIds().size(), r.instruments.size(), r.modelVersions().size(),
                    r.points, Files.size(page), r.lo, r.hi);
        }
    }

    // ------------------------------------------------------------------ selection

    private void select() throws SQLException {
        boolean range = sel.fromMs() != null || sel.toMs() != null;
        lo = sel.fromMs() == null ? MIN_MS : sel.fromMs();
        hi = sel.toMs() == null ? MAX_MS : sel.toMs();
        if (sel.runId() != null) {
            JsonNode run = run("WHERE run_id = ?", sel.runId());
            if (run == null) {
                throw new IllegalArgumentException("no run " + sel.runId() + " in pipeline_runs of "
                        + PostgresTarget.maskUrl(target.jdbcUrl()));
            }
            runs.add(run);
        } else if (!range) {
            JsonNode run = run("ORDER BY started_at DESC LIMIT 1", null);
            if (run != null) {
                runs.add(run);
            }
        }
        Set<Instrument> scope = new LinkedHashSet<>();
        if (!runs.isEmpty()) {
            for (JsonNode run : runs) {
                for (JsonNode i : run.path("counts").path("instruments")) {
                    String s = i.asText();
                    int space = s.indexOf(' ');
                    String key = space > 0 ? s.substring(0, space) : s;
                    int colon = key.indexOf(':');
                    if (colon > 0) {
                        scope.add(new Instrument(key.substring(0, colon), key.substring(colon + 1),
                                space > 0 ? s.substring(space + 1) : key.substring(colon + 1)));
                    }
                }
            }
        }
        if (runs.isEmpty() || scope.isEmpty()) {
            // a range alone, or a run that recorded no instruments (failed, still running): what has rows
            try (PreparedStatement ps = c.prepareStatement("SELECT feed, native_symbol, min(symbol) FROM ("
                    + "SELECT feed, native_symbol, symbol FROM features WHERE feature_time >= ? AND feature_time < ? "
                    + "UNION ALL SELECT feed, native_symbol, symbol FROM trade_bars_1m WHERE window_start >= ? "
                    + "AND window_start < ?) x GROUP BY 1, 2 ORDER BY 1, 2")) {
                bindRange(ps, 1);
                bindRange(ps, 3);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        scope.add(new Instrument(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            if (range && runs.isEmpty()) {
                addRunsOf(scope);
            }
        }
        instruments.addAll(scope);
        instruments.sort((a, b) -> a.key().compareTo(b.key()));
        scopeKeys = instruments.stream().map(Instrument::key).toArray(String[]::new);
        // the event time the scope's rows span, within the range
        try (PreparedStatement ps = c.prepareStatement("SELECT min(t), max(t) FROM ("
                + "SELECT min(feature_time) AS t FROM features WHERE feed || ':' || native_symbol = ANY (?) "
                + "AND feature_time >= ? AND feature_time < ? UNION ALL "
                + "SELECT max(feature_time) FROM features WHERE feed || ':' || native_symbol = ANY (?) "
                + "AND feature_time >= ? AND feature_time < ? UNION ALL "
                + "SELECT min(window_start) FROM trade_bars_1m WHERE feed || ':' || native_symbol = ANY (?) "
                + "AND window_start >= ? AND window_start < ? UNION ALL "
                + "SELECT max(window_start) + interval '1 minute' FROM trade_bars_1m "
                + "WHERE feed || ':' || native_symbol = ANY (?) AND window_start >= ? AND window_start < ?) x")) {
            for (int k = 0; k < 4; k++) {
                ps.setArray(1 + 3 * k, keys());
                bindRange(ps, 2 + 3 * k);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getTimestamp(1) != null) {
                    long first = rs.getTimestamp(1).getTime();
                    long last = rs.getTimestamp(2).getTime();
                    lo = Math.max(lo, first - 1000);
                    hi = Math.min(hi, last + 1);
                }
            }
        }
    }

    /** Runs whose instruments meet the scope, latest first (at most 20). */
    private void addRunsOf(Set<Instrument> scope) throws SQLException {
        Set<String> keys = new LinkedHashSet<>();
        scope.forEach(i -> keys.add(i.key()));
        try (PreparedStatement ps = c.prepareStatement("SELECT to_jsonb(r) FROM pipeline_runs r "
                + "ORDER BY started_at DESC LIMIT 200"); ResultSet rs = ps.executeQuery()) {
            while (rs.next() && runs.size() < 20) {
                JsonNode run = parse(rs.getString(1));
                for (JsonNode i : run.path("counts").path("instruments")) {
                    String s = i.asText();
                    if (keys.contains(s.indexOf(' ') > 0 ? s.substring(0, s.indexOf(' ')) : s)) {
                        runs.add(run);
                        break;
                    }
                }
            }
        }
    }

    private JsonNode run(String where, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_jsonb(r) FROM pipeline_runs r " + where)) {
            if (id != null) {
                ps.setObject(1, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? parse(rs.getString(1)) : null;
            }
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("pipeline_runs row is not JSON", e);
        }
    }

    private Array keys() throws SQLException {
        return c.createArrayOf("text", scopeKeys);
    }

    private void bindRange(PreparedStatement ps, int first) throws SQLException {
        ps.setTimestamp(first, new Timestamp(lo));
        ps.setTimestamp(first + 1, new Timestamp(hi));
    }

    private List<String> accountIds() throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT account_id FROM pnl WHERE snapshot_time >= ? "
                + "AND snapshot_time < ? UNION SELECT account_id FROM orders WHERE created_at >= ? AND created_at < ? "
                + "AND feed || ':' || native_symbol = ANY (?) ORDER BY 1")) {
            bindRange(ps, 1);
            bindRange(ps, 3);
            ps.setArray(5, keys());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (sel.accounts() == null || sel.accounts().isEmpty() || sel.accounts().contains(rs.getString(1))) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    private List<String> modelVersions() throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT model_version FROM scores "
                + "WHERE feature_time >= ? AND feature_time < ? AND feed || ':' || native_symbol = ANY (?) ORDER BY 1")) {
            bindRange(ps, 1);
            ps.setArray(3, keys());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ page

    private String render() throws SQLException {
        select();
        List<String> accounts = accountIds();
        List<String> models = modelVersions();
        StringBuilder body = new StringBuilder(1 << 20);
        body.append("<header><h1>RRRalgorithms report</h1>");
        List<List<String>> head = new ArrayList<>();
        head.add(List.of("database", Html.escape(PostgresTarget.maskUrl(target.jdbcUrl()))));
        head.add(List.of("run", runs.isEmpty() ? "–" : Html.escape(String.join(", ",
                runs.stream().map(r -> r.path("run_id").asText()).toList()))));
        head.add(List.of("event time", Html.escape(time(lo) + " … " + time(hi) + " (UTC, end exclusive)")));
        head.add(List.of("instruments", Html.escape(String.join(", ", instruments.stream().map(Instrument::key)
                .toList()))));
        head.add(List.of("generated", Html.escape(Instant.now().toString())));
        body.append(Html.table("kv", List.of("", ""), head));
        body.append("<nav><a href=\"#run\">Run</a> · <a href=\"#accounts\">Accounts (").append(accounts.size())
                .append(")</a> · <a href=\"#instruments\">Instruments (").append(instruments.size())
                .append(")</a> · <a href=\"#models\">Models (").append(models.size()).append(")</a></nav></header>");
        runSection(body);
        body.append("<section id=\"accounts\"><h2>Accounts</h2>");
        if (accounts.isEmpty()) {
            body.append("<p class=\"none\">No paper-trading rows in the range (run with --trading).</p>");
        }
        for (String a : accounts) {
            account(a, body);
        }
        body.append("</section><section id=\"instruments\"><h2>Instruments</h2>");
        if (instruments.isEmpty()) {
            body.append("<p class=\"none\">No market-data rows in the range.</p>");
        }
        for (Instrument i : instruments) {
            instrument(i, body);
        }
        body.append("</section><section id=\"models\"><h2>Model versions</h2>");
        if (models.isEmpty()) {
            body.append("<p class=\"none\">No scores in the range (run with --model-dir).</p>");
        }
        for (String m : models) {
            model(m, body);
        }
        body.append("</section>");
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>RRRalgorithms report</title><style>" + STYLE + "</style></head><body>" + body
                + "<footer>Plots draw at most " + Downsample.MAX_POINTS + " points a series (lines keep each "
                + "bucket's minimum and maximum, markers every k-th row); statistics use every row. "
                + "Written by rrr report.</footer></body></html>\n";
    }

    private static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:0 auto;max-width:1000px;padding:12px;color:#222}
            h1{font-size:22px}h2{border-bottom:2px solid #ccc;margin-top:32px}h3{margin-top:24px}
            .wide{overflow-x:auto}table{border-collapse:collapse;margin:8px 0;font-size:13px}th,td{border:1px solid #ddd;padding:2px 6px}
            th{background:#f3f3f3}td{text-align:right}td:first-child{text-align:left}
            table.kv td{text-align:left}table.stats{font-size:12px}figure{margin:8px 0}svg.chart{width:100%;height:auto;display:block}
            svg.chart text{font:11px sans-serif;fill:#444}svg.chart text.ct{font:bold 12px sans-serif;fill:#222}
            .none{color:#777}.warn{color:#a40}footer{color:#777;font-size:12px;margin-top:32px}
            """;

    private String figure(String kind, String attrs, SvgChart chart) {
        points += chart.points();
        return "<figure data-chart=\"" + kind + "\"" + attrs + ">" + chart.render() + "</figure>";
    }

    private static String attr(String name, String value) {
        return " data-" + name + "=\"" + Html.escape(value) + "\"";
    }

    /** Epoch ms as the ns of {@code receive_time_ns} (the open end stays the largest long). */
    private static long nanos(long ms) {
        return ms >= Long.MAX_VALUE / 1_000_000L ? Long.MAX_VALUE : ms * 1_000_000L;
    }

    private static String time(long ms) {
        return ms <= MIN_MS ? "start" : ms >= MAX_MS ? "end" : Instant.ofEpochMilli(ms).toString();
    }

    // ------------------------------------------------------------------ run

    private void runSection(StringBuilder b) throws SQLException {
        b.append("<section id=\"run\"><h2>Run</h2>");
        if (runs.isEmpty()) {
            b.append("<p class=\"none\">No pipeline_runs row for this selection.</p>");
        }
        for (JsonNode r : runs) {
            List<List<String>> kv = new ArrayList<>();
            for (String f : List.of("run_id", "mode", "status", "started_at", "finished_at", "bootstrap",
                    "flink_job_id", "error")) {
                kv.add(List.of(f, Html.escape(r.path(f).isNull() ? "–" : r.path(f).asText("–"))));
            }
            List<String> inputs = new ArrayList<>();
            r.path("inputs").forEach(n -> inputs.add(n.asText()));
            kv.add(List.of("inputs", Html.escape(String.join(", ", inputs))));
            JsonNode counts = r.path("counts");
            kv.add(List.of("seconds", Html.escape(counts.path("seconds").asText("–"))));
            kv.add(List.of("checksums", Html.escape(counts.path("checksums").asText("–") + " checked, "
                    + counts.path("checksum_failures").asText("–") + " failed")));
            kv.add(List.of("gaps · crossed · dead letters · late trades", Html.escape(counts.path("gaps").asText("–")
                    + " · " + counts.path("crossed").asText("–") + " · " + counts.path("dead_letters").asText("–")
                    + " · " + counts.path("late_trades").asText("–"))));
            b.append("<h3>Run ").append(Html.escape(r.path("run_id").asText())).append("</h3>");
            b.append(Html.table("kv run", List.of("", ""), kv));
            List<List<String>> feeds = new ArrayList<>();
            counts.path("feeds").fields().forEachRemaining(e -> {
                List<String> row = new ArrayList<>();
                row.add(Html.escape(e.getKey()));
                RunSummary.FEED_COLUMNS.forEach(col -> row.add(Html.count(e.getValue().path(col).asLong(0))));
                feeds.add(row);
            });
            if (!feeds.isEmpty()) {
                List<String> header = new ArrayList<>(List.of("feed"));
                RunSummary.FEED_COLUMNS.forEach(col -> header.add(col.toLowerCase().replace('_', ' ')));
                b.append("<h4>Per feed</h4><div class=\"wide\">").append(Html.table("feeds", header, feeds))
                        .append("</div>");
            }
            List<List<String>> rows = new ArrayList<>();
            counts.path("rows").fields().forEachRemaining(e -> rows.add(List.of(Html.escape(e.getKey()),
                    Html.count(e.getValue().asLong()))));
            if (!rows.isEmpty()) {
                b.append("<h4>Rows written (upserts, as the job counted them)</h4>")
                        .append(Html.table("rows", List.of("table", "rows"), rows));
            }
            List<String> warnings = new ArrayList<>();
            counts.path("warnings").forEach(w -> warnings.add(w.asText()));
            for (String w : warnings) {
                b.append("<p class=\"warn\">warning: ").append(Html.escape(w)).append("</p>");
            }
        }
        // what the tables hold for the selection now
        List<List<String>> held = new ArrayList<>();
        for (String[] t : new String[][] {{"book_top", "sample_time"}, {"features", "feature_time"},
                {"trade_bars_1m", "window_start"}, {"scores", "feature_time"}, {"orders", "created_at"},
                {"fills", "fill_time"}, {"positions", "snapshot_time"}}) {
            held.add(List.of(t[0], Html.count(count("SELECT count(*) FROM " + t[0] + " WHERE " + t[1] + " >= ? AND "
                    + t[1] + " < ? AND feed || ':' || native_symbol = ANY (?)", true))));
        }
        held.add(List.of("pnl", Html.count(count("SELECT count(*) FROM pnl WHERE snapshot_time >= ? "
                + "AND snapshot_time < ?", false))));
        held.add(List.of("book_gaps", Html.count(count("SELECT count(*) FROM book_gaps WHERE " + GAP_TIME
                + " >= ? AND " + GAP_TIME + " < ? AND feed || ':' || native_symbol = ANY (?)", true))));
        b.append("<h4>Rows in the tables for this selection</h4>")
                .append(Html.table("held", List.of("table", "rows"), held));
        // dead letters and gaps per feed, from the tables
        Set<String> feedSet = new LinkedHashSet<>();
        instruments.forEach(i -> feedSet.add(i.feed()));
        List<List<String>> perFeed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT f, (SELECT count(*) FROM dead_letters d WHERE d.feed = f "
                + "AND d.receive_time_ns >= ? AND d.receive_time_ns < ?), (SELECT count(*) FROM book_gaps g "
                + "WHERE g.feed = f AND " + GAP_TIME + " >= ? AND " + GAP_TIME + " < ?) FROM unnest(?::text[]) f "
                + "ORDER BY 1")) {
            ps.setLong(1, nanos(lo));
            ps.setLong(2, nanos(hi));
            bindRange(ps, 3);
            ps.setArray(5, c.createArrayOf("text", feedSet.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    perFeed.add(List.of(Html.escape(rs.getString(1)), Html.count(rs.getLong(2)),
                            Html.count(rs.getLong(3))));
                }
            }
        }
        b.append("<h4>Dead letters and gaps per feed (tables)</h4>")
                .append(Html.table("problems", List.of("feed", "dead letters", "book gaps"), perFeed));
        // messages per second by feed
        SvgChart chart = SvgChart.overTime("book updates + trades per second, by feed").xRange(lo, hi);
        Map<String, List<double[]>> byFeed = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT feed, feature_time, sum(book_updates_1s + trade_count_1s) "
                + "FROM features WHERE feature_time >= ? AND feature_time < ? AND feed || ':' || native_symbol = ANY (?) "
                + "GROUP BY 1, 2 ORDER BY 1, 2")) {
            bindRange(ps, 1);
            ps.setArray(3, keys());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byFeed.computeIfAbsent(rs.getString(1), f -> new ArrayList<>())
                            .add(new double[] {rs.getTimestamp(2).getTime(), rs.getDouble(3)});
                }
            }
        }
        int k = 0;
        for (var e : byFeed.entrySet()) {
            chart.line(e.getKey(), PALETTE[k++ % PALETTE.length], col(e.getValue(), 0), col(e.getValue(), 1));
        }
        b.append(figure("messages", "", chart));
        b.append("</section>");
    }

    /** When a gap happened: the exchange's time of the offending diff, else its receive time. */
    private static final String GAP_TIME = "coalesce(exchange_time, to_timestamp(receive_time_ns / 1e9))";

    private long count(String sql, boolean scoped) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindRange(ps, 1);
            if (scoped) {
                ps.setArray(3, keys());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static double[] col(List<double[]> rows, int i) {
        double[] out = new double[rows.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = rows.get(k)[i];
        }
        return out;
    }

    // ------------------------------------------------------------------ accounts

    private void account(String a, StringBuilder b) throws SQLException {
        b.append("<article class=\"account\" data-account=\"").append(Html.escape(a)).append("\"><h3>Account ")
                .append(Html.escape(a)).append("</h3>");
        // pnl: equity, fees, risk state, and the state before the range
        BigDecimal equityBefore = BigDecimal.ZERO;
        BigDecimal feesBefore = BigDecimal.ZERO;
        try (PreparedStatement ps = c.prepareStatement("SELECT equity, fees FROM pnl WHERE account_id = ? "
                + "AND snapshot_time < ? ORDER BY snapshot_time DESC LIMIT 1")) {
            ps.setString(1, a);
            ps.setTimestamp(2, new Timestamp(lo));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    equityBefore = rs.getBigDecimal(1);
                    feesBefore = rs.getBigDecimal(2);
                }
            }
        }
        List<Long> t = new ArrayList<>();
        List<BigDecimal> equity = new ArrayList<>();
        List<BigDecimal> fees = new ArrayList<>();
        String lastState = "–";
        try (PreparedStatement ps = c.prepareStatement("SELECT snapshot_time, equity, fees, risk_state FROM pnl "
                + "WHERE account_id = ? AND snapshot_time >= ? AND snapshot_time < ? ORDER BY snapshot_time")) {
            ps.setString(1, a);
            bindRange(ps, 2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    t.add(rs.getTimestamp(1).getTime());
                    equity.add(rs.getBigDecimal(2));
                    fees.add(rs.getBigDecimal(3));
                    lastState = rs.getString(4);
                }
            }
        }
        // fills: every fill up to the end of the range, replayed through the engine's accounting
        Map<String, InstrumentState> books = new TreeMap<>();
        Map<String, List<BigDecimal>> closed = new TreeMap<>();
        Map<String, BigDecimal> turnover = new TreeMap<>();
        Map<String, Long> fillCount = new TreeMap<>();
        Map<String, List<double[]>> buys = new TreeMap<>();
        Map<String, List<double[]>> sells = new TreeMap<>();
        List<Object[]> fills = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT fill_id, feed || ':' || native_symbol, side, price, "
                + "quantity, notional, fee, fill_time FROM fills WHERE account_id = ? AND fill_time < ?")) {
            ps.setString(1, a);
            ps.setTimestamp(2, new Timestamp(hi));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fills.add(new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getTimestamp(8).getTime()});
                }
            }
        }
        fills.sort(HtmlReport::fillOrder);
        BigDecimal allTurnover = BigDecimal.ZERO;
        List<BigDecimal> allClosed = new ArrayList<>();
        for (Object[] f : fills) {
            String key = (String) f[1];
            boolean buy = "BUY".equals(f[2]);
            BigDecimal price = (BigDecimal) f[3];
            long qty = ((BigDecimal) f[4]).setScale(8).unscaledValue().longValueExact();
            InstrumentState s = books.computeIfAbsent(key, k -> new InstrumentState());
            BigDecimal before = s.realizedPnl;
            boolean closes = s.quantity != 0 && (buy ? s.quantity < 0 : s.quantity > 0);
            s.applyFill(buy ? qty : -qty, price, (BigDecimal) f[6]);
            long at = (Long) f[7];
            if (at < lo) {
                continue;
            }
            if (closes) {
                BigDecimal pnl = s.realizedPnl.subtract(before);
                closed.computeIfAbsent(key, k -> new ArrayList<>()).add(pnl);
                allClosed.add(pnl);
            }
            turnover.merge(key, (BigDecimal) f[5], BigDecimal::add);
            allTurnover = allTurnover.add((BigDecimal) f[5]);
            fillCount.merge(key, 1L, Long::sum);
            (buy ? buys : sells).computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new double[] {at, price.doubleValue()});
        }
        long allFills = fillCount.values().stream().mapToLong(Long::longValue).sum();
        List<List<String>> stats = new ArrayList<>();
        stats.add(statsRow("account " + a, TradingStatistics.of(equityBefore, feesBefore, equity,
                fees.isEmpty() ? feesBefore : fees.get(fees.size() - 1), allClosed, allTurnover, allFills)));
        // per instrument: positions (realized + unrealized − fees)
        Map<String, List<double[]>> positionLines = new TreeMap<>();
        for (String key : instrumentsOf(a)) {
            BigDecimal eqBefore = BigDecimal.ZERO;
            BigDecimal feeBefore = BigDecimal.ZERO;
            try (PreparedStatement ps = c.prepareStatement("SELECT realized_pnl + unrealized_pnl - fees, fees "
                    + "FROM positions WHERE account_id = ? AND feed || ':' || native_symbol = ? AND snapshot_time < ? "
                    + "ORDER BY snapshot_time DESC LIMIT 1")) {
                ps.setString(1, a);
                ps.setString(2, key);
                ps.setTimestamp(3, new Timestamp(lo));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        eqBefore = rs.getBigDecimal(1);
                        feeBefore = rs.getBigDecimal(2);
                    }
                }
            }
            List<BigDecimal> eq = new ArrayList<>();
            BigDecimal lastFees = feeBefore;
            List<double[]> pos = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT snapshot_time, quantity, "
                    + "realized_pnl + unrealized_pnl - fees, fees FROM positions WHERE account_id = ? "
                    + "AND feed || ':' || native_symbol = ? AND snapshot_time >= ? AND snapshot_time < ? "
                    + "ORDER BY snapshot_time")) {
                ps.setString(1, a);
                ps.setString(2, key);
                bindRange(ps, 3);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        pos.add(new double[] {rs.getTimestamp(1).getTime(), rs.getBigDecimal(2).doubleValue()});
                        eq.add(rs.getBigDecimal(3));
                        lastFees = rs.getBigDecimal(4);
                    }
                }
            }
            positionLines.put(key, pos);
            stats.add(statsRow(key, TradingStatistics.of(eqBefore, feeBefore, eq, lastFees,
                    closed.getOrDefault(key, List.of()), turnover.getOrDefault(key, BigDecimal.ZERO),
                    fillCount.getOrDefault(key, 0L))));
        }
        b.append("<div class=\"wide\">").append(Html.table("stats", List.of("", "net PnL", "fees", "max drawdown", "Sharpe (1 s)",
                "Sharpe (annualized)", "Sortino (1 s)", "Sortino (annualized)", "win rate", "profit factor",
                "closing fills", "turnover (quote)", "fills", "seconds"), stats)).append("</div>");
        b.append("<p>Risk state at the end: ").append(Html.escape(lastState)).append(". ");
        b.append(ordersSummary(a)).append("</p>");
        // plots
        double[] ts = new double[t.size()];
        double[] eq = new double[t.size()];
        double[] dd = new double[t.size()];
        double[] fe = new double[t.size()];
        BigDecimal peak = equityBefore;
        for (int i = 0; i < ts.length; i++) {
            ts[i] = t.get(i);
            eq[i] = equity.get(i).doubleValue();
            peak = peak.max(equity.get(i));
            dd[i] = peak.subtract(equity.get(i)).negate().doubleValue();
            fe[i] = fees.get(i).subtract(feesBefore).doubleValue();
        }
        String acc = attr("account", a);
        // the account's own seconds: several instruments may trade on days far apart
        double from = ts.length > 0 ? ts[0] : lo;
        double to = ts.length > 0 ? ts[ts.length - 1] : hi;
        b.append(figure("equity", acc, SvgChart.overTime("equity (quote currency): realized + unrealized − fees")
                .xRange(from, to).line("equity", PALETTE[0], ts, eq)));
        b.append(figure("drawdown", acc, SvgChart.overTime("drawdown from the running peak (quote currency)")
                .xRange(from, to).line("drawdown", SELL, ts, dd)));
        b.append(figure("fees", acc, SvgChart.overTime("fees paid in the range, cumulative (quote currency)")
                .xRange(from, to).line("fees", PALETTE[1], ts, fe)));
        SvgChart positions = SvgChart.overTime("position per instrument (base units, signed)").xRange(from, to);
        int k = 0;
        for (var e : positionLines.entrySet()) {
            positions.line(e.getKey(), PALETTE[k++ % PALETTE.length], col(e.getValue(), 0), col(e.getValue(), 1));
        }
        b.append(figure("positions", acc, positions));
        for (String key : fillCount.keySet()) {
            Instrument inst = instrument(key);
            List<double[]> mid = mid(inst);
            double[] span = spanOf(inst);
            List<double[]> bu = buys.getOrDefault(key, List.of());
            List<double[]> se = sells.getOrDefault(key, List.of());
            b.append(figure("fills", acc + attr("instrument", key), SvgChart.overTime("fills on the mid price, " + key)
                    .xRange(span[0], span[1]).line("mid", PALETTE[7], col(mid, 0), col(mid, 1))
                    .markers("buy", BUY, SvgChart.Shape.UP, col(bu, 0), col(bu, 1))
                    .markers("sell", SELL, SvgChart.Shape.DOWN, col(se, 0), col(se, 1))));
        }
        b.append("</article>");
    }

    /** Fills in the engine's order: by time, then order sequence, then fill number ({@code <order_id>-<n>}). */
    private static int fillOrder(Object[] x, Object[] y) {
        int t = Long.compare((Long) x[7], (Long) y[7]);
        if (t != 0) {
            return t;
        }
        long[] a = fillSequence((String) x[0]);
        long[] b = fillSequence((String) y[0]);
        int s = Long.compare(a[0], b[0]);
        return s != 0 ? s : Long.compare(a[1], b[1]);
    }

    private static long[] fillSequence(String fillId) {
        try {
            int n = fillId.lastIndexOf('-');
            int o = fillId.lastIndexOf('-', n - 1);
            return new long[] {Long.parseLong(fillId.substring(o + 1, n)), Long.parseLong(fillId.substring(n + 1))};
        } catch (RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private Instrument instrument(String key) {
        for (Instrument i : instruments) {
            if (i.key().equals(key)) {
                return i;
            }
        }
        int colon = key.indexOf(':');
        return new Instrument(key.substring(0, colon), key.substring(colon + 1), key.substring(colon + 1));
    }

    private List<String> instrumentsOf(String account) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT feed || ':' || native_symbol FROM positions "
                + "WHERE account_id = ? AND snapshot_time >= ? AND snapshot_time < ? ORDER BY 1")) {
            ps.setString(1, account);
            bindRange(ps, 2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private String ordersSummary(String a) throws SQLException {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        Map<String, Long> rejected = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT status, coalesce(reject_rule, ''), count(*) FROM orders "
                + "WHERE account_id = ? AND created_at >= ? AND created_at < ? GROUP BY 1, 2 ORDER BY 1, 2")) {
            ps.setString(1, a);
            bindRange(ps, 2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byStatus.merge(rs.getString(1), rs.getLong(3), Long::sum);
                    if (!rs.getString(2).isEmpty()) {
                        rejected.merge(rs.getString(2), rs.getLong(3), Long::sum);
                    }
                }
            }
        }
        return Html.escape("Orders by status " + byStatus + (rejected.isEmpty() ? "" : "; rejected by rule "
                + rejected) + ".");
    }

    private static List<String> statsRow(String name, TradingStatistics s) {
        return List.of(Html.escape(name), Html.money(s.netPnl()), Html.money(s.fees()), Html.money(s.maxDrawdown()),
                Html.num(s.sharpe()), Html.num(s.sharpe() * TradingStatistics.ANNUALIZE), Html.num(s.sortino()),
                Html.num(s.sortino() * TradingStatistics.ANNUALIZE), Html.percent(s.winRate()),
                Html.num(s.profitFactor()), Html.count(s.closingFills()), Html.money(s.turnover()),
                Html.count(s.fills()), Html.count(s.samples()));
    }

    private List<double[]> mid(Instrument i) throws SQLException {
        return series("SELECT feature_time, mid FROM features WHERE feed = ? AND native_symbol = ? "
                + "AND feature_time >= ? AND feature_time < ? AND mid IS NOT NULL ORDER BY feature_time", i);
    }

    private List<double[]> series(String sql, Instrument i) throws SQLException {
        List<double[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, i.feed());
            ps.setString(2, i.nativeSymbol());
            bindRange(ps, 3);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new double[] {rs.getTimestamp(1).getTime(), rs.getDouble(2)});
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ instruments

    private void instrument(Instrument i, StringBuilder b) throws SQLException {
        String key = i.key();
        b.append("<article class=\"instrument\" data-instrument=\"").append(Html.escape(key)).append("\"><h3>")
                .append(Html.escape(key)).append(" (").append(Html.escape(i.symbol())).append(")</h3>");
        List<double[]> mid = mid(i);
        List<double[]> spread = series("SELECT feature_time, spread FROM features WHERE feed = ? AND native_symbol = ? "
                + "AND feature_time >= ? AND feature_time < ? AND spread IS NOT NULL ORDER BY feature_time", i);
        List<double[]> imbalance = series("SELECT feature_time, depth_imbalance FROM features WHERE feed = ? "
                + "AND native_symbol = ? AND feature_time >= ? AND feature_time < ? AND depth_imbalance IS NOT NULL "
                + "AND depth_imbalance = depth_imbalance ORDER BY feature_time", i);
        List<double[]> volume = series("SELECT window_start, volume FROM trade_bars_1m WHERE feed = ? "
                + "AND native_symbol = ? AND window_start >= ? AND window_start < ? ORDER BY window_start", i);
        List<double[]> gaps = series("SELECT " + GAP_TIME + ", 0 FROM book_gaps WHERE feed = ? AND native_symbol = ? "
                + "AND " + GAP_TIME + " >= ? AND " + GAP_TIME + " < ? ORDER BY 1", i);
        List<double[]> dead = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT receive_time_ns FROM dead_letters WHERE feed = ? "
                + "AND frame_key = ? AND receive_time_ns >= ? AND receive_time_ns < ? ORDER BY 1")) {
            ps.setString(1, i.feed());
            ps.setString(2, i.nativeSymbol());
            ps.setLong(3, nanos(lo));
            ps.setLong(4, nanos(hi));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    dead.add(new double[] {rs.getLong(1) / 1e6, 0});
                }
            }
        }
        List<List<String>> kv = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*), count(*) FILTER (WHERE book_valid), "
                + "coalesce(sum(trade_count_1s), 0), coalesce(sum(volume_1s), 0), min(mid), max(mid), "
                + "avg(spread) FROM features WHERE feed = ? AND native_symbol = ? AND feature_time >= ? "
                + "AND feature_time < ?")) {
            ps.setString(1, i.feed());
            ps.setString(2, i.nativeSymbol());
            bindRange(ps, 3);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                kv.add(List.of(Html.count(rs.getLong(1)), Html.count(rs.getLong(2)), Html.count(rs.getLong(3)),
                        Html.plain(rs.getBigDecimal(4)), Html.plain(rs.getBigDecimal(5)), Html.plain(rs.getBigDecimal(6)),
                        Html.num(rs.getDouble(7)), Html.count(volume.size()), Html.count(gaps.size()),
                        Html.count(dead.size())));
            }
        }
        b.append(Html.table("instrument", List.of("feature seconds", "valid book", "trades", "volume", "mid low",
                "mid high", "mean spread", "1 m bars", "gaps", "dead letters"), kv));
        String inst = attr("instrument", key);
        double[] span = spanOf(i);
        b.append(figure("mid", inst, SvgChart.overTime("mid price, gaps (red) and dead letters (violet)").xRange(span[0], span[1])
                .line("mid", PALETTE[0], col(mid, 0), col(mid, 1)).events("gaps", GAP, col(gaps, 0))
                .events("dead letters", DEAD, col(dead, 0))));
        b.append(figure("spread", inst, SvgChart.overTime("spread (quote currency)").xRange(span[0], span[1])
                .line("spread", PALETTE[1], col(spread, 0), col(spread, 1))));
        b.append(figure("imbalance", inst, SvgChart.overTime("depth imbalance (bid − ask) / (bid + ask) of the top "
                + "levels").xRange(span[0], span[1]).line("depth imbalance", PALETTE[2], col(imbalance, 0), col(imbalance, 1))));
        b.append(figure("volume", inst, SvgChart.overTime("trade volume per minute (base units), trade_bars_1m")
                .xRange(span[0], span[1]).bars("volume", PALETTE[4], col(volume, 0), col(volume, 1), 60_000)));
        b.append("</article>");
    }

    /** The event time an instrument's features and trade bars span in the range (ms), or the range. */
    private double[] spanOf(Instrument i) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT least(min(f.t), min(b.t)), greatest(max(f.t), "
                + "max(b.t) + interval '1 minute') FROM (SELECT min(feature_time) t FROM features WHERE feed = ? "
                + "AND native_symbol = ? AND feature_time >= ? AND feature_time < ? UNION ALL SELECT max(feature_time) "
                + "FROM features WHERE feed = ? AND native_symbol = ? AND feature_time >= ? AND feature_time < ?) f, "
                + "(SELECT min(window_start) t FROM trade_bars_1m WHERE feed = ? AND native_symbol = ? "
                + "AND window_start >= ? AND window_start < ? UNION ALL SELECT max(window_start) FROM trade_bars_1m "
                + "WHERE feed = ? AND native_symbol = ? AND window_start >= ? AND window_start < ?) b")) {
            for (int k = 0; k < 4; k++) {
                ps.setString(1 + 4 * k, i.feed());
                ps.setString(2 + 4 * k, i.nativeSymbol());
                bindRange(ps, 3 + 4 * k);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1) == null ? new double[] {lo, hi}
                        : new double[] {rs.getTimestamp(1).getTime(), rs.getTimestamp(2).getTime()};
            }
        }
    }

    // ------------------------------------------------------------------ models

    private void model(String version, StringBuilder b) throws SQLException {
        b.append("<article class=\"model\" data-model=\"").append(Html.escape(version)).append("\"><h3>Model ")
                .append(Html.escape(version)).append("</h3>");
        int horizon = 0;
        JsonNode metrics = null;
        List<List<String>> kv = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT horizon_seconds, status, spec_id, data_source, "
                + "train_from, train_to, test_from, test_to, created_at, metrics::text FROM models WHERE version_id = ?")) {
            ps.setString(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    horizon = rs.getInt(1);
                    kv.add(List.of("status", Html.escape(rs.getString(2))));
                    kv.add(List.of("feature spec", Html.escape(rs.getString(3))));
                    kv.add(List.of("horizon", horizon + " s"));
                    kv.add(List.of("data", Html.escape(rs.getString(4))));
                    kv.add(List.of("train", Html.escape(rs.getTimestamp(5).toInstant() + " … "
                            + rs.getTimestamp(6).toInstant())));
                    kv.add(List.of("test", Html.escape(rs.getTimestamp(7).toInstant() + " … "
                            + rs.getTimestamp(8).toInstant())));
                    kv.add(List.of("registered", Html.escape(rs.getTimestamp(9).toInstant().toString())));
                    metrics = parse(rs.getString(10));
                }
            }
        }
        if (horizon <= 0) {
            horizon = 1;
            b.append("<p class=\"warn\">Not in the models table: its horizon is unknown, the realized return is "
                    + "taken over 1 s.</p>");
        } else {
            b.append(Html.table("kv", List.of("", ""), kv));
        }
        // scores beside the realized log mid return over the horizon, in time order; the mids are
        // looked up here (a join of scores with two partitioned features rows took seconds)
        Map<String, Mids> mids = new TreeMap<>();
        List<double[]> pairs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT feature_time, feed || ':' || native_symbol, score "
                + "FROM scores WHERE model_version = ? AND feature_time >= ? AND feature_time < ? "
                + "AND feed || ':' || native_symbol = ANY (?) ORDER BY feature_time, feed, native_symbol")) {
            ps.setString(1, version);
            bindRange(ps, 2);
            ps.setArray(4, keys());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long t = rs.getTimestamp(1).getTime();
                    String key = rs.getString(2);
                    Mids m = mids.get(key);
                    if (m == null) {
                        m = mids(instrument(key), horizon);
                        mids.put(key, m);
                    }
                    double m0 = m.at(t);
                    double m1 = m.at(t + horizon * 1000L);
                    if (m0 > 0 && m1 > 0) {
                        pairs.add(new double[] {t, rs.getDouble(3), Math.log(m1 / m0)});
                    }
                }
            }
        }
        double[] score = col(pairs, 1);
        double[] realized = col(pairs, 2);
        Evaluation here = Evaluation.of(score, realized, horizon);
        List<List<String>> evals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Double> ics = new ArrayList<>();
        if (metrics != null) {
            for (String[] p : new String[][] {{"model", "model (training test slice)"},
                    {"zero", "baseline: zero (training test slice)"},
                    {"last_sign", "baseline: sign of the last 1 s return (training test slice)"}}) {
                if (metrics.has(p[0] + ".n")) {
                    evals.add(List.of(Html.escape(p[1]), Html.count(metrics.path(p[0] + ".n").asLong()),
                            Html.num(metric(metrics, p[0] + ".ic")), Html.num(metric(metrics, p[0] + ".ic_low")),
                            Html.num(metric(metrics, p[0] + ".ic_high")), Html.num(metric(metrics, p[0] + ".accuracy")),
                            Html.num(metric(metrics, p[0] + ".mse"))));
                    if (metrics.has(p[0] + ".ic")) {
                        names.add(p[0].equals("model") ? "model (training)" : p[0].equals("zero") ? "zero"
                                : "last 1 s return sign");
                        ics.add(metric(metrics, p[0] + ".ic"));
                    }
                }
            }
        }
        evals.add(List.of("model, scores in this report", Html.count(here.n()), Html.num(here.ic()),
                Html.num(here.icLow()), Html.num(here.icHigh()), Html.num(here.accuracy()), Html.num(here.mse())));
        names.add("model, this report");
        ics.add(here.ic());
        b.append(Html.table("evaluation", List.of("", "n", "IC", "IC 95% low", "IC 95% high", "direction accuracy",
                "MSE"), evals));
        String mod = attr("model", version);
        b.append(figure("scatter", mod, SvgChart.scatterPlot("score against the realized log mid return over "
                + horizon + " s", "score").scatter("score vs realized", PALETTE[0], score, realized)));
        // rolling IC over the last IC_WINDOW pairs
        List<double[]> rolling = new ArrayList<>();
        for (int end = IC_WINDOW; end <= pairs.size(); end++) {
            double ic = pearson(score, realized, end - IC_WINDOW, end);
            rolling.add(new double[] {pairs.get(end - 1)[0], Double.isNaN(ic) ? 0 : ic});
        }
        b.append(figure("rolling-ic", mod, SvgChart.overTime("IC over the last " + IC_WINDOW + " scored seconds "
                + "(Pearson, score vs realized return)")
                .line("rolling IC", PALETTE[2], col(rolling, 0), col(rolling, 1))));
        double[] xs = new double[ics.size()];
        double[] ys = new double[ics.size()];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = k;
            ys[k] = ics.get(k);
        }
        b.append(figure("baselines", mod, SvgChart.scatterPlot("IC of the model and of the baselines (training "
                + "test slice, as stored), and of the scores in this report", null).categories(names)
                .bars("IC", PALETTE[4], xs, ys, 0.8)));
        b.append("</article>");
    }

    /** An instrument's mids by second: sorted times (ms) and mids, positive only. */
    private record Mids(long[] times, double[] mids) {
        /** The mid of second {@code t}, NaN when it has none. */
        double at(long t) {
            int i = Arrays.binarySearch(times, t);
            return i >= 0 ? mids[i] : Double.NaN;
        }
    }

    /** The mids of the range and of the horizon after it (a score near its end needs them). */
    private Mids mids(Instrument i, int horizon) throws SQLException {
        List<double[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT feature_time, mid FROM features WHERE feed = ? "
                + "AND native_symbol = ? AND feature_time >= ? AND feature_time < ? AND mid > 0 ORDER BY feature_time")) {
            ps.setString(1, i.feed());
            ps.setString(2, i.nativeSymbol());
            ps.setTimestamp(3, new Timestamp(lo));
            ps.setTimestamp(4, new Timestamp(Math.min(MAX_MS, hi + horizon * 1000L + 1)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new double[] {rs.getTimestamp(1).getTime(), rs.getDouble(2)});
                }
            }
        }
        long[] t = new long[rows.size()];
        double[] m = new double[rows.size()];
        for (int k = 0; k < t.length; k++) {
            t[k] = (long) rows.get(k)[0];
            m[k] = rows.get(k)[1];
        }
        return new Mids(t, m);
    }

    private static double metric(JsonNode m, String k) {
        return m.has(k) ? m.get(k).asDouble() : Double.NaN;
    }

    private static double pearson(double[] x, double[] y, int from, int to) {
        int n = to - from;
        double mx = 0;
        double my = 0;
        for (int i = from; i < to; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = from; i < to; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
    }
}
