package io.rrralgorithms.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.TestDatabase;
import io.rrralgorithms.jobs.report.Downsample;
import io.rrralgorithms.jobs.report.HtmlReport;
import io.rrralgorithms.jobs.scoring.TestModels;
import io.rrralgorithms.models.registry.ModelDirectory;
import io.rrralgorithms.models.registry.ModelMetadata;
import io.rrralgorithms.models.spec.FeatureSpec;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rrr report} on a run of the shared captures with trading on (the four Binance BTCUSDT files
 * of the README's quick start, spot and USDⓈ-M, ~11 and ~8 minutes three weeks apart, the second
 * spot file damaged by a dropped diff and a cut frame; a registered linear model scoring
 * {@code depth_imbalance}; the default paper account): the page exists, has every section, and every plotted series stands for exactly the
 * rows SQL counts (its {@code data-rows}) and draws the points {@link Downsample} says (counted in
 * the SVG itself); the statistics table agrees with the pnl and fills tables; headless Chromium
 * renders it without a console message and its screenshot is a picture, not a blank.
 */
class ReportIT {
    @TempDir
    Path tmp;

    /** Where the page and the screenshot are kept for a look after the test. */
    static final Path KEEP = Path.of("target", "report-it");

    record Series(String chart, String account, String instrument, String model, String name, String kind, long rows,
            int declared, int drawn) {}

    @Test
    void reportOfATradingRunOnTheSharedCaptures() throws Exception {
        try (TestDatabase db = new TestDatabase()) {
            FeatureSpec spec = FeatureSpec.V1;
            float[] w = new float[spec.size()];
            w[spec.inputNames().indexOf("depth_imbalance")] = 1f;
            Path model = TestModels.linear(tmp.resolve("model"), "REPORT-IMB", spec, w, 0f);
            ModelMetadata meta = ModelDirectory.readMetadata(model);
            // what a training report stores: the model's and the baselines' test-slice metrics
            meta.metrics.put("model.n", 500.0);
            meta.metrics.put("model.ic", 0.125);
            meta.metrics.put("zero.n", 500.0);
            meta.metrics.put("zero.ic", 0.0);
            meta.metrics.put("last_sign.n", 500.0);
            meta.metrics.put("last_sign.ic", -0.0625);
            ModelDirectory.writeMetadata(model, meta);
            TestModels.register(db.target, model);

            CommandLineExecution run = CommandLineExecution.of(List.of("run", "--kafka-port", "0", "--web-port", "0",
                    "--jdbc-url", db.target.jdbcUrl(), "--model-dir", model.toString(), "--trading",
                    SharedData.market("binance-spot/btcusdt_20240808.gz").toString(),
                    "binance-spot=" + damaged(SharedData.market("binance-spot/btcusdt_20240809.gz")),
                    SharedData.market("binance-usdm/btcusdt_20240718.gz").toString(),
                    SharedData.market("binance-usdm/btcusdt_20240719.gz").toString()));
            assertEquals(ExitCodes.OK, run.exitCode(), run.stderr());
            String runId = db.rows("SELECT run_id FROM pipeline_runs").get(0);
            assertTrue(db.count("fills") > 0, "the run traded");
            assertTrue(db.count("book_gaps") > 0 && db.count("dead_letters") > 0, "a gap and a dead letter");

            Path out = KEEP.toAbsolutePath();
            CommandLineExecution report = CommandLineExecution.of(List.of("report", "--out", out.toString(), "--run",
                    runId, "--jdbc-url", db.target.jdbcUrl()));
            assertEquals(ExitCodes.OK, report.exitCode(), report.stderr());
            System.out.print(report.stdout());
            Path page = out.resolve("index.html");
            assertTrue(report.stdout().startsWith("report: " + page), report.stdout());
            String html = Files.readString(page, StandardCharsets.UTF_8);
            // how long it takes (printed, not asserted): again, warm, beside the text report of the same rows
            CommandLineExecution warm = CommandLineExecution.of(List.of("report", "--out",
                    tmp.resolve("warm").toString(), "--run", runId, "--jdbc-url", db.target.jdbcUrl()));
            CommandLineExecution text = CommandLineExecution.of(List.of("paper-report", "--jdbc-url",
                    db.target.jdbcUrl()));
            assertEquals(ExitCodes.OK, text.exitCode(), text.stderr());
            System.out.printf("rrr report: %,d ms first, %,d ms again, %,d bytes; baseline rrr paper-report (text, "
                    + "accounts only) on the same rows: %,d ms%n", report.millis(), warm.millis(), Files.size(page),
                    text.millis());

            // self-contained: no script, nothing fetched, links only within the page
            assertFalse(html.contains("<script"), "a script");
            assertFalse(Pattern.compile("\\ssrc=").matcher(html).find(), "a src attribute");
            Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
            while (href.find()) {
                assertTrue(href.group(1).startsWith("#"), "a link out of the page: " + href.group(1));
            }
            for (String section : List.of("run", "accounts", "instruments", "models")) {
                assertTrue(html.contains("<section id=\"" + section + "\">"), "section " + section);
            }
            assertTrue(html.contains(runId), "the run id");

            List<Series> series = series(html);
            List<String> instruments = List.of("binance-spot:BTCUSDT", "binance-usdm:BTCUSDT");
            Set<String> charts = new HashSet<>();
            for (Series s : series) {
                charts.add(s.chart + "|" + s.account + "|" + s.instrument + "|" + s.model);
                assertEquals(s.declared, s.drawn, s + ": declared points against the points in the SVG");
                assertEquals(Downsample.points(s.rows), s.drawn, s + ": points of " + s.rows + " rows");
                assertEquals(expectedRows(db, s), s.rows, s + ": rows against SQL");
            }
            List<String> accounts = db.rows("SELECT DISTINCT account_id FROM pnl ORDER BY 1");
            assertEquals(List.of("paper"), accounts);
            for (String a : accounts) {
                for (String c : List.of("equity", "drawdown", "fees", "positions")) {
                    assertTrue(charts.contains(c + "|" + a + "||"), "chart " + c + " of account " + a);
                }
                for (String i : instruments) {
                    assertTrue(charts.contains("fills|" + a + "|" + i + "|"), "fills of " + a + " on " + i);
                }
            }
            for (String i : instruments) {
                for (String c : List.of("mid", "spread", "imbalance", "volume")) {
                    assertTrue(charts.contains(c + "||" + i + "|"), "chart " + c + " of " + i);
                }
            }
            assertEquals(2, series.stream().filter(s -> s.chart.equals("positions")).count(), "a line an instrument");
            assertEquals(2, series.stream().filter(s -> s.chart.equals("messages")).count(), "a line a feed");
            for (String c : List.of("scatter", "rolling-ic", "baselines")) {
                assertTrue(charts.contains(c + "|||REPORT-IMB"), "chart " + c + " of the model");
            }
            assertTrue(charts.contains("messages|||"), "the run's chart");
            // every plot draws something; the gap is marked on the instrument's time axis
            for (Series s : series) {
                if (!s.name.equals("dead letters") && !(s.name.equals("gaps") && s.instrument.contains("usdm"))) {
                    assertTrue(s.drawn > 0, s + " is empty");
                }
            }
            assertEquals(3 + 1, series.stream().filter(s -> s.chart.equals("baselines")).mapToLong(Series::rows).sum(),
                    "bars of the three stored metrics and of the report's own IC");
            assertTrue(html.contains("<td>0.1250</td>") && html.contains("<td>-0.06250</td>"),
                    "the stored baselines' IC");

            // the run's tables: dead letters and gaps per feed as in the tables
            for (String feed : List.of("binance-spot", "binance-usdm")) {
                String where = " WHERE feed = '" + feed + "'";
                String row = "<tr><td>" + feed + "</td><td>" + db.rows("SELECT count(*) FROM dead_letters" + where).get(0)
                        + "</td><td>" + db.rows("SELECT count(*) FROM book_gaps" + where).get(0) + "</td></tr>";
                assertTrue(html.contains(row), "dead letters and gaps per feed: " + row);
            }

            // the statistics agree with the tables
            String last = db.rows("SELECT equity, fees FROM pnl WHERE account_id = 'paper' "
                    + "ORDER BY snapshot_time DESC LIMIT 1").get(0);
            String[] ef = last.split(" \\| ");
            long fills = db.count("fills");
            String row = "<tr><td>account paper</td><td>" + money(ef[0]) + "</td><td>" + money(ef[1]) + "</td>";
            assertTrue(html.contains(row), "stats row " + row);
            assertTrue(html.contains("<td>" + String.format("%,d", fills) + "</td><td>"
                    + String.format("%,d", db.count("pnl")) + "</td></tr>"), "fills and seconds");

            // the default selection (the latest run) is the same page but for its generation time
            Path again = tmp.resolve("again");
            CommandLineExecution latest = CommandLineExecution.of(List.of("report", "--out", again.toString(),
                    "--jdbc-url", db.target.jdbcUrl()));
            assertEquals(ExitCodes.OK, latest.exitCode(), latest.stderr());
            assertEquals(withoutGenerated(html), withoutGenerated(Files.readString(again.resolve("index.html"))));

            // a range alone: the instruments with rows in it, the runs that decoded them
            Path spotDay = tmp.resolve("spot-day");
            CommandLineExecution ranged = CommandLineExecution.of(List.of("report", "--out", spotDay.toString(),
                    "--from", "2024-08-08T00:00:00Z", "--to", "2024-08-10T00:00:00Z", "--jdbc-url",
                    db.target.jdbcUrl()));
            assertEquals(ExitCodes.OK, ranged.exitCode(), ranged.stderr());
            String day = Files.readString(spotDay.resolve("index.html"));
            // (the account's open USDⓈ-M position is still in its positions rows of that day)
            assertTrue(day.contains("class=\"instrument\" data-instrument=\"binance-spot:BTCUSDT\"")
                    && !day.contains("class=\"instrument\" data-instrument=\"binance-usdm:BTCUSDT\"")
                    && day.contains(runId), "the spot instrument and its run only");
            long inRange = Long.parseLong(db.rows("SELECT count(*) FROM pnl WHERE snapshot_time >= "
                    + "'2024-08-08T00:00:00Z' AND snapshot_time < '2024-08-10T00:00:00Z'").get(0));
            assertTrue(inRange > 0 && inRange < db.count("pnl"));
            assertEquals(List.of(inRange), series(day).stream().filter(s -> s.chart.equals("equity"))
                    .map(Series::rows).toList(), "equity rows in the range");

            render(page, out.resolve("screenshot.png"));
        }
    }

    @Test
    void aRunThatIsNotThereIsOneLine() throws Exception {
        try (TestDatabase db = new TestDatabase()) {
            CommandLineExecution e = CommandLineExecution.of(List.of("report", "--out", tmp.toString(), "--run",
                    "00000000-0000-0000-0000-000000000001", "--jdbc-url", db.target.jdbcUrl()));
            assertEquals(ExitCodes.INPUT, e.exitCode(), e.stderr());
            assertTrue(e.stderr().contains("no run 00000000-0000-0000-0000-000000000001 in pipeline_runs"), e.stderr());
            CommandLineExecution bad = CommandLineExecution.of(List.of("report", "--out", tmp.toString(), "--run", "x",
                    "--jdbc-url", db.target.jdbcUrl()));
            assertEquals(ExitCodes.USAGE, bad.exitCode(), bad.stderr());
        }
    }

    /**
     * The second capture with one diff left out near its end (a gap: the book stays invalid for the
     * last ~40 s, there is no later snapshot) and one trade frame cut in half (a dead letter).
     */
    private Path damaged(Path capture) throws Exception {
        List<String> lines = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(capture)),
                StandardCharsets.UTF_8))) {
            for (String l; (l = in.readLine()) != null; ) {
                lines.add(l);
            }
        }
        List<Integer> depth = new ArrayList<>();
        List<Integer> trades = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            (lines.get(i).contains("\"stream\":\"btcusdt@depth") ? depth : lines.get(i).contains("@trade\"") ? trades
                    : new ArrayList<Integer>()).add(i);
        }
        int cut = trades.get(trades.size() / 2);
        lines.set(cut, lines.get(cut).substring(0, lines.get(cut).length() / 2));
        lines.remove((int) depth.get(depth.size() * 93 / 100));
        Path out = tmp.resolve("damaged").resolve(capture.getFileName());
        Files.createDirectories(out.getParent());
        try (var w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8)) {
            for (String l : lines) {
                w.write(l);
                w.write('\n');
            }
        }
        return out;
    }

    private static String withoutGenerated(String html) {
        return html.replaceAll("<td>generated</td><td>[^<]*</td>", "");
    }

    private static String money(String v) {
        return new BigDecimal(v).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** The rows a series stands for, counted by SQL from its chart's account, instrument or model. */
    private static long expectedRows(TestDatabase db, Series s) throws Exception {
        String inst = "feed || ':' || native_symbol = '" + s.instrument + "'";
        String sql = switch (s.chart + "/" + s.name) {
            case "equity/equity", "drawdown/drawdown", "fees/fees" ->
                    "SELECT count(*) FROM pnl WHERE account_id = '" + s.account + "'";
            case "fills/mid", "mid/mid" -> "SELECT count(*) FROM features WHERE " + inst + " AND mid IS NOT NULL";
            case "fills/buy", "fills/sell" -> "SELECT count(*) FROM fills WHERE account_id = '" + s.account + "' AND "
                    + inst + " AND side = '" + s.name.toUpperCase() + "'";
            case "spread/spread" -> "SELECT count(*) FROM features WHERE " + inst + " AND spread IS NOT NULL";
            case "imbalance/depth imbalance" -> "SELECT count(*) FROM features WHERE " + inst
                    + " AND depth_imbalance IS NOT NULL AND depth_imbalance = depth_imbalance";
            case "volume/volume" -> "SELECT count(*) FROM trade_bars_1m WHERE " + inst;
            case "mid/gaps" -> "SELECT count(*) FROM book_gaps WHERE " + inst;
            case "mid/dead letters" -> "SELECT count(*) FROM dead_letters WHERE feed || ':' || frame_key = '"
                    + s.instrument + "'";
            case "scatter/score vs realized" -> pairs(s.model);
            case "rolling-ic/rolling IC" -> "SELECT greatest(0, (" + pairs(s.model) + ") - "
                    + (HtmlReport.IC_WINDOW - 1) + ")";
            case "baselines/IC" -> "SELECT 4";
            default -> null;
        };
        if (sql == null && s.chart.equals("positions")) {
            sql = "SELECT count(*) FROM positions WHERE account_id = '" + s.account + "' AND feed || ':' || "
                    + "native_symbol = '" + s.name + "'";
        } else if (sql == null && s.chart.equals("messages")) {
            sql = "SELECT count(DISTINCT feature_time) FROM features WHERE feed = '" + s.name + "'";
        }
        assertTrue(sql != null, "a series the test does not know: " + s);
        return Long.parseLong(db.rows(sql).get(0));
    }

    /** Scores with a realized return: the feature row of the score's second and of the horizon after it. */
    private static String pairs(String model) {
        return "SELECT count(*) FROM scores s JOIN models m ON m.version_id = s.model_version JOIN features f0 "
                + "USING (feed, native_symbol, feature_time) JOIN features f1 ON f1.feed = s.feed "
                + "AND f1.native_symbol = s.native_symbol AND f1.feature_time = s.feature_time "
                + "+ make_interval(secs => m.horizon_seconds) WHERE s.model_version = '" + model + "' "
                + "AND f0.mid > 0 AND f1.mid > 0";
    }

    private static final Pattern FIGURE = Pattern.compile("<figure data-chart=\"([^\"]+)\"((?: data-[a-z]+=\"[^\"]*\")*)>"
            + "(.*?)</figure>", Pattern.DOTALL);
    private static final Pattern ATTR = Pattern.compile("data-([a-z]+)=\"([^\"]*)\"");
    private static final Pattern SERIES = Pattern.compile("<g class=\"series\" data-series=\"([^\"]*)\" "
            + "data-kind=\"([a-z]+)\" data-rows=\"(\\d+)\" data-points=\"(\\d+)\">(.*?)</g>", Pattern.DOTALL);

    /** Every series of every figure, with its points counted in the SVG. */
    static List<Series> series(String html) {
        List<Series> out = new ArrayList<>();
        Matcher f = FIGURE.matcher(html);
        while (f.find()) {
            String account = "";
            String instrument = "";
            String model = "";
            Matcher a = ATTR.matcher(f.group(2));
            while (a.find()) {
                switch (a.group(1)) {
                    case "account" -> account = a.group(2);
                    case "instrument" -> instrument = a.group(2);
                    case "model" -> model = a.group(2);
                    default -> { }
                }
            }
            Matcher s = SERIES.matcher(f.group(3));
            int found = 0;
            while (s.find()) {
                found++;
                String body = s.group(5);
                int drawn;
                if (s.group(2).equals("line")) {
                    Matcher p = Pattern.compile("points=\"([^\"]*)\"").matcher(body);
                    assertTrue(p.find(), "a polyline");
                    String pts = p.group(1).trim();
                    drawn = pts.isEmpty() ? 0 : pts.split(" ").length;
                } else {
                    drawn = body.split("class=\"pt\"", -1).length - 1;
                }
                out.add(new Series(f.group(1), account, instrument, model, s.group(1), s.group(2),
                        Long.parseLong(s.group(3)), Integer.parseInt(s.group(4)), drawn));
            }
            assertTrue(found > 0, "a figure without series: " + f.group(1));
        }
        assertTrue(out.size() > 10, "series found: " + out.size());
        return out;
    }

    // ------------------------------------------------------------------ headless Chromium

    static String chromium() {
        for (String p : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(p))) {
                return p;
            }
        }
        return null;
    }

    /** Renders the page into a screenshot; returns Chromium's console lines. */
    static List<String> screenshot(Path page, Path png, Path profile) throws Exception {
        String chromium = chromium();
        Assumptions.assumeTrue(chromium != null, "assumption: headless Chromium is not installed (.ci/run installs "
                + "Debian's chromium); the page was checked but not rendered");
        Files.deleteIfExists(png);
        Path log = profile.resolveSibling(profile.getFileName() + ".log");
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-default-apps", "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--enable-logging=stderr", "--v=0", "--window-size=1100,2600", "--screenshot=" + png,
                page.toUri().toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 180 s: " + Files.readString(log));
        }
        String text = Files.readString(log);
        assertEquals(0, p.exitValue(), text);
        assertTrue(Files.size(png) > 0, "no screenshot: " + text);
        return text.lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught")).toList();
    }

    private void render(Path page, Path png) throws Exception {
        // the console check can fail: a page that logs an error is caught
        Path probe = Files.writeString(tmp.resolve("probe.html"), "<!DOCTYPE html><html><body><p>probe</p><script>"
                + "console.error('rrr probe error'); undefinedFunction();</script></body></html>");
        List<String> probeLines = screenshot(probe, tmp.resolve("probe.png"), tmp.resolve("profile-probe"));
        assertTrue(probeLines.stream().anyMatch(l -> l.contains("rrr probe error")), "console lines of the probe: "
                + probeLines);

        List<String> console = screenshot(page, png, tmp.resolve("profile-report"));
        assertEquals(List.of(), console, "console messages of the report");
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img != null && img.getWidth() >= 1000 && img.getHeight() >= 2000, "screenshot size");
        Set<Integer> colours = new HashSet<>();
        long white = 0;
        long blue = 0; // the first plot colour, #1f77b4: the lines were drawn
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                white += rgb == 0xffffff ? 1 : 0;
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                blue += Math.abs(r - 0x1f) < 40 && Math.abs(g - 0x77) < 40 && Math.abs(b - 0xb4) < 40 ? 1 : 0;
            }
        }
        long pixels = (long) img.getWidth() * img.getHeight();
        System.out.printf("screenshot %s: %d x %d, %d colours, %.1f%% white, %d plot-blue pixels%n", png,
                img.getWidth(), img.getHeight(), colours.size(), 100.0 * white / pixels, blue);
        assertTrue(colours.size() > 50, "a blank screenshot: " + colours.size() + " colours");
        assertTrue(white < pixels * 0.98, "a blank screenshot: white " + white + " of " + pixels);
        assertTrue(blue > 500, "no plot lines in the screenshot: " + blue + " blue pixels");
        assertTrue(new File(png.toString()).length() > 10_000, "screenshot bytes");
    }
}
