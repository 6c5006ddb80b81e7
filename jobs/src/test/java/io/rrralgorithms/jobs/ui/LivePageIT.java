package io.rrralgorithms.jobs.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.TestDatabase;
import io.rrralgorithms.jobs.config.ScoringConfigOptions;
import io.rrralgorithms.jobs.config.TradingConfigOptions;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.local.RunSpec;
import io.rrralgorithms.jobs.local.RunSummary;
import io.rrralgorithms.jobs.scoring.TestModels;
import io.rrralgorithms.models.spec.FeatureSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live page of {@code rrr run} in headless Chromium: during an unbounded run with scoring and
 * paper trading on the Binance spot capture, the DOM the page's script drew shows each
 * instrument's book equal to the {@code book_top} row of the second it names, and the account's
 * equity and risk state equal to its {@code pnl} row; it links to the Flink job's page, logs no
 * console error, fits a phone's width, and its screenshots (desktop and phone size, in
 * jobs/target/live-page/) are not blank. With {@code --keep-ui}, the page outlives a bounded run
 * until stopped.
 */
class LivePageIT {
    static final String VERSION = "m-20240809-000500-1a2b3c4d";
    static final Path SHOTS = Path.of("target/live-page");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theLivePageShowsTheBooksAndAccountsOfTheTables(@TempDir Path tmp) throws Exception {
        Path model = TestModels.linear(tmp.resolve(VERSION), VERSION, FeatureSpec.V1, TestModels.weights(FeatureSpec.V1, 7), 0f);
        try (TestDatabase db = new TestDatabase()) {
            RunSpec s = spec(db, false);
            s.job.set(ScoringConfigOptions.MODEL_DIR, model.toString());
            s.job.set(TradingConfigOptions.ENABLED, true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.out = new PrintStream(out, true, StandardCharsets.UTF_8);
            LocalPipeline pipeline = new LocalPipeline(s);
            CompletableFuture<RunSummary> run = start(pipeline);
            try {
                waitFor(() -> count(db, "pnl") > 0 && count(db, "book_top") > 0 && count(db, "positions") > 0, run, out);
                String url = pipeline.livePageUrl();
                assertTrue(out.toString(StandardCharsets.UTF_8).contains("live page at " + url), out.toString(StandardCharsets.UTF_8));

                // the JSON the page draws
                JsonNode state = JSON.readTree(get(url + "api/state").body());
                assertTrue(state.path("instruments").size() > 0, state.toString());
                assertEquals("paper", state.path("accounts").path(0).path("account").asText(), state.toString());

                String newestBefore = db.rows("SELECT max(sample_time) AT TIME ZONE 'UTC' FROM book_top").get(0);
                HeadlessChromium.Result desktop = HeadlessChromium.dumpDom(tmp, url, 1280, 900);
                assertEquals(List.of(), HeadlessChromium.consoleErrors(desktop.log()), "console errors");
                Document dom = Jsoup.parse(desktop.stdout());

                // every instrument's book equals its book_top row of the second it shows
                List<Element> books = dom.select("section.instrument[data-sample-time]");
                assertFalse(books.isEmpty(), "no book drawn: " + dom.select("main").text());
                for (Element card : books) {
                    assertBookIsTheRow(db, card);
                }
                // the newest second of the table when the page was opened, or a later one
                Instant shown = books.stream().map(b -> Instant.parse(b.attr("data-sample-time"))).max(Instant::compareTo).orElseThrow();
                assertFalse(shown.isBefore(OffsetDateTime.parse(newestBefore.replace(' ', 'T') + "Z").toInstant()),
                        "the page shows " + shown + ", older than the newest book_top row " + newestBefore);

                // the account: equity and risk state of its pnl row of the second shown
                Element account = dom.selectFirst("section.account[data-account=paper]");
                assertTrue(account != null, "no account drawn: " + dom.select("main").text());
                List<String> pnl = db.rows("SELECT equity, risk_state FROM pnl WHERE account_id = 'paper' AND snapshot_time = '"
                        + account.attr("data-snapshot-time") + "'::timestamptz");
                assertEquals(1, pnl.size(), "the pnl row of " + account.attr("data-snapshot-time"));
                String[] row = pnl.get(0).split(" \\| ");
                assertEquals(0, new BigDecimal(row[0]).compareTo(new BigDecimal(account.selectFirst(".equity").text())),
                        "equity shown " + account.selectFirst(".equity").text() + ", pnl row " + row[0]);
                assertEquals(row[1], account.selectFirst(".badge.risk").text());
                // positions drawn from the positions table
                assertFalse(account.select("table.positions tbody tr").isEmpty(), account.text());

                // the link to the Flink web UI's page of this job
                Element link = dom.selectFirst("#flink a");
                assertTrue(link != null && link.attr("href").matches("http://localhost:" + s.webPort
                        + "/#/job/running/[0-9a-f]{32}/overview"), String.valueOf(link));

                HeadlessChromium.screenshot(tmp, url, SHOTS.resolve("live-page-desktop.png"), 1280, 900);
                HeadlessChromium.assertNotBlank(SHOTS.resolve("live-page-desktop.png"), 1280, 900, 0.05);

                // a phone (390 × 844, mobile): the page fits the width (tables scroll inside their
                // cards), the cards stack in one column, it draws the books and the account
                HeadlessChromium.Emulated phone = HeadlessChromium.phone(tmp, url, 390, 844,
                        "!!document.querySelector('section.account')",
                        "{view: innerWidth, scroll: document.documentElement.scrollWidth, "
                                + "lefts: [...document.querySelectorAll('section.card')].map(c => c.getBoundingClientRect().left), "
                                + "books: document.querySelectorAll('section.instrument tr[data-side]').length}",
                        SHOTS.resolve("live-page-phone.png"));
                assertEquals(List.of(), phone.errors(), "errors on the phone");
                assertEquals(390, phone.value().path("view").asInt(), phone.value().toString());
                assertTrue(phone.value().path("scroll").asInt() <= 390, "the page is " + phone.value().path("scroll")
                        + " px wide on a 390 px screen");
                assertTrue(phone.value().path("books").asInt() > 0, phone.value().toString());
                Set<Double> lefts = new HashSet<>();
                phone.value().path("lefts").forEach(l -> lefts.add(l.asDouble()));
                assertEquals(1, lefts.size(), "one column of cards on a phone: " + phone.value());
                HeadlessChromium.assertNotBlank(SHOTS.resolve("live-page-phone.png"), 390, 844, 0.05);
            } finally {
                pipeline.stop();
                run.get(120, TimeUnit.SECONDS);
            }
        }
    }

    /** The levels drawn equal the arrays of the book_top row at the card's second, level by level. */
    static void assertBookIsTheRow(TestDatabase db, Element card) throws Exception {
        String feed = card.attr("data-feed");
        String symbol = card.attr("data-native-symbol");
        Instant second = Instant.parse(card.attr("data-sample-time"));
        try (Connection c = db.target.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT bid_prices, bid_sizes, ask_prices, ask_sizes FROM book_top "
                        + "WHERE feed = ? AND native_symbol = ? AND sample_time = ?")) {
            ps.setString(1, feed);
            ps.setString(2, symbol);
            ps.setObject(3, OffsetDateTime.ofInstant(second, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no book_top row " + feed + " " + symbol + " " + second);
                for (String side : List.of("bid", "ask")) {
                    Object[] prices = (Object[]) rs.getArray(side + "_prices").getArray();
                    Object[] sizes = (Object[]) rs.getArray(side + "_sizes").getArray();
                    List<Element> levels = card.select("tr[data-side=" + side + "]");
                    assertEquals(prices.length, levels.size(), feed + " " + symbol + " " + side + " levels");
                    for (int i = 0; i < prices.length; i++) {
                        Element level = levels.get(i);
                        assertEquals(String.valueOf(i + 1), level.attr("data-level"));
                        assertEquals(0, ((BigDecimal) prices[i]).compareTo(new BigDecimal(level.selectFirst("td.price").text())),
                                feed + " " + symbol + " " + side + " " + (i + 1) + " price");
                        assertEquals(0, ((BigDecimal) sizes[i]).compareTo(new BigDecimal(level.selectFirst("td.size").text())),
                                feed + " " + symbol + " " + side + " " + (i + 1) + " size");
                    }
                }
            }
        }
    }

    @Test
    void withKeepUiThePageOutlivesABoundedRunUntilStopped(@TempDir Path tmp) throws Exception {
        try (TestDatabase db = new TestDatabase()) {
            RunSpec s = spec(db, true);
            s.keepUi = true;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.out = new PrintStream(out, true, StandardCharsets.UTF_8);
            LocalPipeline pipeline = new LocalPipeline(s);
            CompletableFuture<RunSummary> run = start(pipeline);
            String url;
            try {
                waitFor(() -> out.toString(StandardCharsets.UTF_8).contains("kept up (--keep-ui):"), run, out);
                url = pipeline.livePageUrl();
                assertTrue(out.toString(StandardCharsets.UTF_8).contains("live page at " + url + "; press Enter"));
                // the job has finished (recorded so in pipeline_runs), the page still answers with the tables
                HttpResponse<String> page = get(url);
                assertEquals(200, page.statusCode());
                assertTrue(page.body().contains("<title>rrr live</title>"));
                JsonNode state = JSON.readTree(get(url + "api/state").body());
                assertEquals(count(db, "book_top") > 0, state.path("instruments").path(0).has("book"), state.toString());
                assertEquals("finished", state.path("run").path("status").asText(), state.toString());
                Thread.sleep(1500);
                assertFalse(run.isDone(), "the run returned while --keep-ui holds the page");
            } finally {
                pipeline.stop();
            }
            run.get(30, TimeUnit.SECONDS);
            try {
                get(url);
                throw new AssertionError("the live page still answers after the stop");
            } catch (ConnectException expected) {
                // closed
            }
        }
    }

    static RunSpec spec(TestDatabase db, boolean bounded) throws IOException {
        RunSpec s = new RunSpec();
        s.files = new ArrayList<>(List.of(SharedData.market("cryptofeed/BINANCE.ws.1.0")));
        s.bounded = bounded;
        s.kafkaPort = 0;
        try (ServerSocket web = new ServerSocket(0)) {
            s.webPort = web.getLocalPort();
        }
        s.uiPort = 0;
        s.postgres = db.target;
        s.durability.checkpointInterval = Duration.ofMillis(500);
        return s;
    }

    static CompletableFuture<RunSummary> start(LocalPipeline pipeline) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return pipeline.run();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    static void waitFor(BooleanSupplier condition, CompletableFuture<RunSummary> run, ByteArrayOutputStream out)
            throws Exception {
        long deadline = System.currentTimeMillis() + 240_000;
        while (!condition.getAsBoolean()) {
            if (run.isDone()) {
                run.get(); // a failure surfaces here
                throw new AssertionError("the run ended first: " + out.toString(StandardCharsets.UTF_8));
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not reached in 240 s: " + out.toString(StandardCharsets.UTF_8));
            }
            Thread.sleep(500);
        }
    }

    static long count(TestDatabase db, String table) {
        try {
            return db.count(table);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
