package io.rrralgorithms.jobs.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.capture.CaptureFeeds;
import io.rrralgorithms.connectors.kafka.CaptureReplayer;
import io.rrralgorithms.connectors.kafka.EmbeddedKafkaBroker;
import io.rrralgorithms.connectors.latency.Latencies;
import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.jobs.CollectingSinks;
import io.rrralgorithms.jobs.JobOptions;
import io.rrralgorithms.jobs.JobSources;
import io.rrralgorithms.jobs.MarketDataJob;
import io.rrralgorithms.jobs.MarketDataSinks;
import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.TestDatabase;
import io.rrralgorithms.jobs.config.DecisionConfigOptions;
import io.rrralgorithms.jobs.config.JobConfigOptions;
import io.rrralgorithms.jobs.sinks.PostgresMarketDataSinks;
import io.rrralgorithms.jobs.trading.Fill;
import io.rrralgorithms.jobs.trading.Order;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replay = live for the per-event decision path: the same recorded frames (the first Binance spot
 * and USDⓈ-M files) give the same orders and fills when the job drains them bounded as fast as it
 * can and when it runs unbounded beside a paced replay (frames trickling in, micro-batches flushed by
 * size, budget and timer at whatever moments; checkpoints every 500 ms, each writing the instruments'
 * state to keyed state and loading it back), at parallelism 1 and 2. The paced run also writes to
 * PostgreSQL and checks that every latency stage got values in data-path order (not timed: counts,
 * and each stage's minimum at or above the one before it, which holds for any speed).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionReplayLiveIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    static final List<String> FEEDS = List.of("binance-spot", "binance-usdm");
    final List<Path> files = List.of(SharedData.market("binance-spot/btcusdt_20240808.gz"),
            SharedData.market("binance-usdm/btcusdt_20240718.gz"));

    EmbeddedKafkaBroker kafka;
    TestDatabase db;

    @BeforeAll
    void start() {
        kafka = EmbeddedKafkaBroker.start(0, null);
        db = new TestDatabase();
    }

    @AfterAll
    void stop() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
        if (db != null) {
            db.close();
        }
    }

    Configuration settings(String prefix) {
        Configuration c = new Configuration();
        c.set(JobConfigOptions.TOPIC_PREFIX, prefix);
        c.set(DecisionConfigOptions.ENABLED, true);
        c.set(DecisionConfigOptions.BATCH_SIZE, 4);
        c.set(DecisionConfigOptions.BATCH_BUDGET_US, 300L);
        return c;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void pacedUnboundedRunGivesTheOrdersAndFillsOfTheBoundedReplay(int parallelism) throws Exception {
        // bounded: every frame in the topics first, then the job drains them
        String boundedPrefix = "bounded" + parallelism + ".";
        CaptureReplayer.builder().bootstrapServers(kafka.bootstrapServers()).topicPrefix(boundedPrefix).partitions(2)
                .build().replay(files, CaptureFeeds.INFERRED);
        CollectingSinks bounded = new CollectingSinks();
        StreamExecutionEnvironment env = env(parallelism);
        job(boundedPrefix, true, List.of(bounded)).build(env);
        env.execute("decision bounded");
        List<String> boundedOrders = orders(bounded);
        List<String> boundedFills = fills(bounded);
        assertTrue(boundedOrders.size() >= 10, "the per-event path should trade these files: " + boundedOrders.size());
        System.out.printf("parallelism %d: %d order updates, %d fills%n", parallelism, boundedOrders.size(),
                boundedFills.size());
        assertTrue(!boundedFills.isEmpty(), "market orders fill");

        // live: the job runs first, the frames come at 40x their recorded pace beside it
        String livePrefix = "live" + parallelism + ".";
        CaptureReplayer.ensureTopics(kafka.bootstrapServers(), livePrefix, FEEDS, 2);
        CollectingSinks live = new CollectingSinks();
        StreamExecutionEnvironment liveEnv = env(parallelism);
        liveEnv.enableCheckpointing(500); // every instrument's state goes to keyed state and back, many times
        job(livePrefix, false, List.of(live, new PostgresMarketDataSinks(db.target))).build(liveEnv);
        Latencies.reset();
        JobClient client = liveEnv.executeAsync("decision live");
        try {
            Thread.sleep(3_000); // let the tasks start: frames published before would only wait in Kafka
            CaptureReplayer.builder().bootstrapServers(kafka.bootstrapServers()).topicPrefix(livePrefix).partitions(2)
                    .speed(40).build().replay(files, CaptureFeeds.INFERRED);
            awaitStable(live, boundedOrders.size(), boundedFills.size());
        } finally {
            client.cancel().get();
        }
        assertEquals(boundedOrders, orders(live));
        assertEquals(boundedFills, fills(live));
        checkLatencyStages();
    }

    private void checkLatencyStages() {
        Map<String, Histogram> h = Latencies.snapshot();
        List<String> chainMarket = List.of("market/decoded", "market/book", "market/sink_flush/book_top");
        List<String> chainDecision = List.of("market/decoded", "decision/book", "decision/features", "decision/score",
                "decision/order", "decision/sink_flush/orders");
        for (String stage : Stream.concat(chainMarket.stream(), chainDecision.stream()).toList()) {
            assertTrue(h.containsKey(stage) && h.get(stage).getTotalCount() > 0, stage + " has no values: " + h.keySet());
        }
        assertTrue(h.get("decision/features").getTotalCount() >= h.get("decision/order").getTotalCount());
        // every event of a later stage passed the earlier ones first: the minima cannot go down the chain
        // (only along subsets: a BBO or trade row has features but no book stage)
        for (List<String> chain : List.of(List.of("market/decoded", "market/book"),
                List.of("market/decoded", "decision/book"),
                List.of("market/decoded", "decision/features", "decision/score", "decision/order"))) {
            for (int i = 1; i < chain.size(); i++) {
                assertTrue(h.get(chain.get(i - 1)).getMinValue() <= h.get(chain.get(i)).getMinValue(),
                        chain.get(i - 1) + " min " + h.get(chain.get(i - 1)).getMinValue() + " > " + chain.get(i)
                                + " min " + h.get(chain.get(i)).getMinValue());
            }
        }
    }

    private static void awaitStable(CollectingSinks live, int orders, int fills) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        int last = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int n = live.orderList().size() + live.fillList().size();
            if (n != last) {
                last = n;
                stableSince = System.nanoTime();
            } else if (n >= orders + fills && System.nanoTime() - stableSince > 3_000_000_000L) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private static StreamExecutionEnvironment env(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        return env;
    }

    private MarketDataJob job(String prefix, boolean bounded, List<MarketDataSinks> sinks) {
        Configuration c = settings(prefix);
        return new MarketDataJob(new JobSources(kafka.bootstrapServers(), Map.of(), c).rawFrames(FEEDS, bounded), sinks,
                JobOptions.from(c, null));
    }

    /** The per-event path's order updates, each as its fields say (not its ingest time), in a stable order. */
    static List<String> orders(CollectingSinks s) {
        List<String> out = new ArrayList<>();
        for (Order o : s.orderList()) {
            assertTrue(o.accountId.startsWith("decision@"), o.accountId);
            out.add(String.join("|", o.orderId, o.accountId, String.valueOf(o.side), String.valueOf(o.type),
                    Decimals.toPlainString(o.price), Decimals.toPlainString(o.quantity),
                    Decimals.toPlainString(o.filledQuantity), String.valueOf(o.filledNotional), String.valueOf(o.fees),
                    String.valueOf(o.status), String.valueOf(o.createdAtMs), String.valueOf(o.arrivesAtMs),
                    String.valueOf(o.updatedAtMs), o.reason, o.rejectRule, o.rejectDetail, o.cancelReason,
                    String.valueOf(o.fillCount)));
        }
        out.sort(null);
        return out;
    }

    static List<String> fills(CollectingSinks s) {
        List<String> out = new ArrayList<>();
        for (Fill f : s.fillList()) {
            out.add(String.join("|", f.fillId, f.orderId, f.accountId, String.valueOf(f.side),
                    Decimals.toPlainString(f.price), Decimals.toPlainString(f.quantity), String.valueOf(f.fee),
                    String.valueOf(f.taker), String.valueOf(f.timeMs)));
        }
        out.sort(null);
        return out;
    }
}
