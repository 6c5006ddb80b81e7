package io.rrralgorithms.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.capture.CaptureFeeds;
import io.rrralgorithms.connectors.kafka.CaptureReplayer;
import io.rrralgorithms.connectors.kafka.EmbeddedKafkaBroker;
import io.rrralgorithms.connectors.kafka.RawTopics;
import io.rrralgorithms.connectors.model.DeadLetter;
import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.jobs.bars.TradeBar;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.config.JobConfigOptions;
import io.rrralgorithms.jobs.local.RunSummary;
import io.rrralgorithms.jobs.sinks.PostgresMarketDataSinks;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole data path on the real parts: the Binance spot pair (one stream across midnight, with
 * four bad frames injected between the two files) and the USDⓈ-M pair are replayed into a real
 * KRaft broker, the job runs on a Flink MiniCluster, and writes to a fresh database on the local
 * PostgreSQL server. Results are checked against independent recomputations from the files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndPipelineIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    static final String SPOT = "binance-spot:BTCUSDT";
    static final String USDM = "binance-usdm:BTCUSDT";

    final Path spot1 = SharedData.market("binance-spot/btcusdt_20240808.gz");
    final Path spot2 = SharedData.market("binance-spot/btcusdt_20240809.gz");
    final Path usdm1 = SharedData.market("binance-usdm/btcusdt_20240718.gz");
    final Path usdm2 = SharedData.market("binance-usdm/btcusdt_20240719.gz");

    EmbeddedKafkaBroker kafka;
    TestDatabase db;
    CollectingSinks collected;
    RunSummary summary;
    static final int PARALLELISM = 2;
    final Configuration options = new Configuration();

    /** The bad frames and the reason each must be dead-lettered with. */
    final Map<String, String> badFrames = new LinkedHashMap<>();

    @BeforeAll
    void replayAndRun() throws Exception {
        kafka = EmbeddedKafkaBroker.start(0, null);
        db = new TestDatabase();
        options.set(JobConfigOptions.TOPIC_PREFIX, "e2e.");

        CaptureReplayer replayer = CaptureReplayer.builder().bootstrapServers(kafka.bootstrapServers())
                .topicPrefix(options.get(JobConfigOptions.TOPIC_PREFIX)).partitions(2).build();
        replayer.replay(List.of(spot1), CaptureFeeds.INFERRED);
        String truncated = ReferenceBook.lines(spot2).stream().filter(l -> l.contains("@depth"))
                .findFirst().orElseThrow();
        truncated = truncated.substring(truncated.indexOf(' ') + 1);
        truncated = truncated.substring(0, truncated.length() / 2);
        badFrames.put(truncated, "malformed JSON");
        badFrames.put("{\"stream\":\"btcusdt@foo\",\"data\":{\"e\":\"foo\",\"s\":\"BTCUSDT\"}}", "unknown stream type 'foo'");
        badFrames.put("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161600001,\"s\":\"BTCUSDT\","
                + "\"t\":1,\"p\":61000.5,\"q\":\"0.1\",\"T\":1723161600000,\"m\":true}}", "field 'p' must be a decimal string");
        badFrames.put("", "empty frame");
        produceBadFrames();
        replayer.replay(List.of(spot2, usdm1, usdm2), CaptureFeeds.INFERRED);

        collected = new CollectingSinks();
        summary = runJob(List.of(new PostgresMarketDataSinks(db.target), collected));
    }

    private void produceBadFrames() throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        long ns = 1723161600000000000L; // midnight, between the two spot files
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            for (String frame : badFrames.keySet()) {
                var r = new ProducerRecord<>(options.get(JobConfigOptions.TOPIC_PREFIX) + "binance-spot", null, ns / 1_000_000L,
                        "BTCUSDT".getBytes(StandardCharsets.UTF_8), frame.getBytes(StandardCharsets.UTF_8));
                r.headers().add(RawTopics.HEADER_RECEIVE_NS, Long.toString(ns++).getBytes(StandardCharsets.US_ASCII));
                producer.send(r).get();
            }
        }
    }

    private RunSummary runJob(List<MarketDataSinks> sinks) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARALLELISM);
        new MarketDataJob(new JobSources(kafka.bootstrapServers(), Map.of(), options)
                .rawFrames(List.of("binance-spot", "binance-usdm"), true), sinks, JobOptions.from(options, null)).build(env);
        long start = System.nanoTime();
        JobExecutionResult r = env.execute("e2e");
        return RunSummary.fromAccumulators(r.getAllAccumulatorResults(), (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    @Order(1)
    void everyMessageIsAccountedFor() {
        // 41,249 + 58,325 spot lines and 11,414 + 60,570 futures lines, plus the 4 bad frames
        assertEquals(41_249 + 58_325 + 11_414 + 60_570 + 4, summary.messages());
        assertEquals(4, summary.deadLetters());
        assertEquals(List.of("binance-spot:BTCUSDT BTC-USDT", "binance-usdm:BTCUSDT BTC-USDT-PERP"), summary.instruments());
        assertEquals(0, summary.lateTrades());
    }

    @Test
    @Order(2)
    void gapsAreWhatTheDataHas() throws Exception {
        ReferenceBook spot = ReferenceBook.replay(false, spot1, spot2);
        ReferenceBook usdm = ReferenceBook.replay(true, usdm1, usdm2);
        // The recordings chain without a break (docs/order-book.md, "What the recordings have");
        // the job must agree with the reference.
        assertEquals(0, spot.gaps);
        assertEquals(0, usdm.gaps);
        assertEquals(spot.gaps + usdm.gaps, summary.gaps());
        assertTrue(collected.gapList().isEmpty(), () -> "gaps: " + collected.gapList());
        assertEquals(0, db.count("book_gaps"));
    }

    @Test
    @Order(3)
    void booksAreNeverCrossedOnceSynced() {
        List<BookTop> tops = collected.tops();
        assertTrue(tops.size() > 10_000, "tops: " + tops.size());
        for (BookTop t : tops) {
            assertTrue(t.synced, () -> "unexpected invalid top " + t);
            assertTrue(t.bidPrices[0] < t.askPrices[0], () -> "crossed: " + t);
        }
        assertEquals(0, summary.crossed());
    }

    @Test
    @Order(4)
    void topTenAtTheLastEventEqualsAnIndependentReplay() throws Exception {
        Map<String, BookTop> last = lastTops(collected.tops());
        ReferenceBook spot = ReferenceBook.replay(false, spot1, spot2);
        ReferenceBook usdm = ReferenceBook.replay(true, usdm1, usdm2);
        assertTop(spot, last.get(SPOT));
        assertTop(usdm, last.get(USDM));
    }

    static Map<String, BookTop> lastTops(List<BookTop> tops) {
        Map<String, BookTop> last = new HashMap<>();
        for (BookTop t : tops) {
            last.merge(t.instrumentKey(), t, (a, b) -> b.lastUpdateId > a.lastUpdateId ? b : a);
        }
        return last;
    }

    static void assertTop(ReferenceBook ref, BookTop top) {
        assertEquals(ref.lastU, top.lastUpdateId);
        assertEquals(ref.topBids(10), levels(top.bidPrices, top.bidSizes));
        assertEquals(ref.topAsks(10), levels(top.askPrices, top.askSizes));
    }

    static List<String> levels(long[] prices, long[] sizes) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            out.add(Decimals.toPlainString(prices[i]) + "@" + Decimals.toPlainString(sizes[i]));
        }
        return out;
    }

    @Test
    @Order(5)
    void tradeBarsEqualTheSumsOfTheFilesTrades() throws Exception {
        assertBars(ReferenceTradeBars.of(spot1, spot2), "binance-spot");
        assertBars(ReferenceTradeBars.of(usdm1, usdm2), "binance-usdm");
    }

    private void assertBars(Map<Long, ReferenceTradeBars.Bar> expected, String feed) throws Exception {
        Map<Long, TradeBar> got = new TreeMap<>();
        collected.bars().stream().filter(b -> b.feed.equals(feed)).forEach(b -> got.put(b.windowStartMs, b));
        assertEquals(expected.keySet(), got.keySet(), feed + " minutes");
        List<String> expectedRows = new ArrayList<>();
        for (var e : expected.entrySet()) {
            TradeBar b = got.get(e.getKey());
            ReferenceTradeBars.Bar x = e.getValue();
            assertEquals(x.count, b.tradeCount, feed + " count at " + e.getKey());
            assertEquals(0, x.volume.compareTo(Decimals.toBigDecimal(b.volume)), feed + " volume at " + e.getKey());
            assertEquals(0, x.buyVolume.compareTo(Decimals.toBigDecimal(b.buyVolume)), feed + " buy volume");
            assertEquals(0, x.notional.compareTo(b.notional), feed + " notional at " + e.getKey());
            assertEquals(x.vwap(), b.vwap(), feed + " vwap at " + e.getKey());
            expectedRows.add(e.getKey() + " | " + x.count + " | " + x.volume.setScale(8).toPlainString() + " | "
                    + x.notional.setScale(16).toPlainString() + " | " + x.vwap().toPlainString());
        }
        // PostgreSQL holds exactly these bars
        List<String> inDb = db.rows("SELECT (extract(epoch FROM window_start) * 1000)::bigint, trade_count, volume, "
                + "notional, vwap FROM trade_bars_1m WHERE feed = '" + feed + "' ORDER BY window_start");
        assertEquals(expectedRows, inDb);
    }

    @Test
    @Order(6)
    void badFramesAreDeadLetteredWithTheirReason() throws Exception {
        List<DeadLetter> dead = new ArrayList<>(collected.deadLetterList());
        dead.sort(Comparator.comparingLong(d -> d.receiveTimeNs));
        assertEquals(badFrames.size(), dead.size());
        int i = 0;
        for (var e : badFrames.entrySet()) {
            DeadLetter d = dead.get(i++);
            assertEquals(e.getKey(), d.payload);
            assertTrue(d.reason.contains(e.getValue()), () -> "reason '" + d.reason + "' lacks '" + e.getValue() + "'");
        }
        List<String> rows = db.rows("SELECT feed, frame_key, reason FROM dead_letters ORDER BY receive_time_ns");
        assertEquals(badFrames.size(), rows.size());
        for (String row : rows) {
            assertTrue(row.startsWith("binance-spot | BTCUSDT | "), row);
        }
    }

    @Test
    @Order(7)
    void postgresHoldsTheJobsResults() throws Exception {
        assertEquals(collected.samples().size(), db.count("book_top"));
        assertEquals(collected.featureRows().size(), db.count("features"));
        assertEquals(summary.rowsByTable().get("book_top").longValue(), db.count("book_top"));
        // the last 1 s sample of each book in PostgreSQL is the book the job had then
        for (BookTop s : lastTops(collected.samples()).values()) {
            List<String> row = db.rows("SELECT best_bid, best_bid_size, best_ask, best_ask_size, last_update_id "
                    + "FROM book_top WHERE feed = '" + s.feed + "' ORDER BY sample_time DESC LIMIT 1");
            assertEquals(List.of(Decimals.toBigDecimal(s.bidPrices[0]).toPlainString() + " | "
                    + Decimals.toBigDecimal(s.bidSizes[0]).toPlainString() + " | "
                    + Decimals.toBigDecimal(s.askPrices[0]).toPlainString() + " | "
                    + Decimals.toBigDecimal(s.askSizes[0]).toPlainString() + " | " + s.lastUpdateId), row);
        }
        // features: every second with a valid book has a mid strictly inside the spread's bounds
        List<String> bad = db.rows("SELECT feature_time FROM features WHERE book_valid AND (mid IS NULL OR spread <= 0)");
        assertTrue(bad.isEmpty(), "features with a bad mid/spread: " + bad);
        assertFalse(db.rows("SELECT 1 FROM features WHERE trade_count_1m > 0 LIMIT 1").isEmpty());
    }

    @Test
    @Order(8)
    void aSecondReplayLeavesTheTablesUnchanged() throws Exception {
        Map<String, List<String>> before = dump();
        RunSummary second = runJob(List.of(new PostgresMarketDataSinks(db.target)));
        assertEquals(summary.messages(), second.messages());
        assertEquals(before, dump());
    }

    private Map<String, List<String>> dump() throws Exception {
        Map<String, List<String>> d = new TreeMap<>();
        d.put("book_top", db.rows("SELECT * FROM book_top ORDER BY feed, native_symbol, sample_time"));
        d.put("features", db.rows("SELECT * FROM features ORDER BY feed, native_symbol, feature_time"));
        d.put("trade_bars_1m", db.rows("SELECT * FROM trade_bars_1m ORDER BY feed, native_symbol, window_start"));
        d.put("book_gaps", db.rows("SELECT * FROM book_gaps ORDER BY 1, 2, 4, 6"));
        d.put("dead_letters", db.rows("SELECT * FROM dead_letters ORDER BY 1, 2, 3"));
        return d;
    }

    static BigDecimal bd(long mantissa) {
        return Decimals.toBigDecimal(mantissa);
    }
}
