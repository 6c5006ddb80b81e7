package io.rrralgorithms.jobs.trading.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.kafka.CaptureReplayer;
import io.rrralgorithms.connectors.kafka.EmbeddedKafkaBroker;
import io.rrralgorithms.jobs.JobOptions;
import io.rrralgorithms.jobs.JobSources;
import io.rrralgorithms.jobs.MarketDataJob;
import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.TestDatabase;
import io.rrralgorithms.jobs.cli.PaperReportCommand;
import io.rrralgorithms.jobs.config.JobConfigOptions;
import io.rrralgorithms.jobs.config.ScoringConfigOptions;
import io.rrralgorithms.jobs.scoring.TestModels;
import io.rrralgorithms.jobs.sinks.PostgresMarketDataSinks;
import io.rrralgorithms.jobs.trading.OrderType;
import io.rrralgorithms.jobs.trading.RiskCommand;
import io.rrralgorithms.jobs.trading.TradingConfig;
import io.rrralgorithms.models.spec.FeatureSpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paper trading in the job on the real parts: the two Binance spot captures (08 and 09, one
 * continuous stream of ~11 minutes) replayed into a KRaft broker, the job on a MiniCluster with a
 * real (tiny) TensorFlow model scoring {@code score = depth_imbalance} (which crosses ±0.5 often),
 * PostgreSQL. One job trades seven accounts on the same market, each scripted so that one risk
 * rule fires; the kill switch comes from the risk control topic at a chosen event time (its record
 * timestamp). The same replay runs twice, at parallelism 2 with engine state kept live between
 * checkpoints and at parallelism 1 with the state written to keyed state and read back at every
 * second end (proving the keyed state holds everything); both databases must hold identical orders,
 * fills, positions, pnl and risk_events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaperTradingIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    static final FeatureSpec SPEC = FeatureSpec.V1;
    /** The kill switch applies at midnight, about 6 minutes into the stream. */
    static final long KILL_AT = Instant.parse("2024-08-09T00:00:00Z").toEpochMilli();
    static final String CONTROL = "trading.control.risk";

    final Path spot1 = SharedData.market("binance-spot/btcusdt_20240808.gz");
    final Path spot2 = SharedData.market("binance-spot/btcusdt_20240809.gz");

    @TempDir
    static Path tmp;

    EmbeddedKafkaBroker kafka;
    Configuration options;

    @BeforeAll
    void setUp() throws Exception {
        kafka = EmbeddedKafkaBroker.start(0, null);
        options = new Configuration();
        options.set(JobConfigOptions.TOPIC_PREFIX, "trading.");
        options.set(JobConfigOptions.GROUP_ID, "trading");
        options.set(JobConfigOptions.IDLENESS_MS, 1000L);
        options.set(ScoringConfigOptions.TF_DEVICE, "/CPU:0");
        float[] w = new float[SPEC.size()];
        w[SPEC.inputNames().indexOf("depth_imbalance")] = 1f;
        options.set(ScoringConfigOptions.MODEL_DIR,
                TestModels.linear(tmp.resolve("model-imbalance"), "IMB", SPEC, w, 0f).toString());
        kafka.createTopic("trading.binance-spot", 1);
        CaptureReplayer.builder().bootstrapServers(kafka.bootstrapServers()).topicPrefix(options.get(JobConfigOptions.TOPIC_PREFIX)).build()
                .replay(List.of(spot1, spot2), "binance-spot");
        String bs = kafka.bootstrapServers();
        RiskControl.ensureTopic(bs, CONTROL);
        keyFile = Files.writeString(tmp.resolve("risk-hmac.key"), new String(KEY, StandardCharsets.UTF_8) + "\n");
        // garbage and a command for an unknown account are skipped; then the kill switch, at its event time
        RiskControl.publishRaw(bs, CONTROL, "{not json".getBytes(StandardCharsets.UTF_8), KILL_AT - 60_000);
        RiskControl.publish(bs, Map.of(), CONTROL, KEY, "nobody", RiskCommand.Kind.HALT, "unknown account",
                KILL_AT - 30_000);
        byte[] kill = RiskControl.signedJson(KEY, "kill", RiskCommand.Kind.KILL, "operator test", KILL_AT, "n-kill");
        RiskControl.publishRaw(bs, CONTROL, kill, KILL_AT);
        // none of these lifts the kill switch: each is refused and recorded
        RiskControl.publishRaw(bs, CONTROL, RiskControl.toJson("kill", RiskCommand.Kind.ACTIVATE, "unsigned"),
                KILL_AT + 10_000);
        RiskControl.publishRaw(bs, CONTROL, RiskControl.signedJson("another key, 32 bytes long......"
                .getBytes(StandardCharsets.UTF_8), "kill", RiskCommand.Kind.ACTIVATE, "forged", KILL_AT + 20_000, "n-f"),
                KILL_AT + 20_000);
        RiskControl.publishRaw(bs, CONTROL, RiskControl.signedJson(KEY, "*", RiskCommand.Kind.ACTIVATE, "everyone",
                KILL_AT + 30_000, "n-all"), KILL_AT + 30_000);
        RiskControl.publishRaw(bs, CONTROL, kill, KILL_AT + 40_000); // the same signed KILL again: a replay
    }

    /** The risk command key of the job (a file, as on task managers) and of the publisher. */
    static final byte[] KEY = "paper-trading-it test key 0123456789".getBytes(StandardCharsets.UTF_8);
    static Path keyFile;

    @AfterAll
    void tearDown() {
        if (kafka != null) {
            kafka.close();
        }
    }

    static List<TradingConfig> accounts() {
        TradingConfig d = TradingConfig.defaults();
        List<TradingConfig> l = new ArrayList<>();
        l.add(d); // "paper": defaults
        l.add(cfg(d, "poscap", 1_000_000L, 5_000_000L, 2_000_000L, new BigDecimal("1e9"), 1000, d.riskPriceBand(),
                new BigDecimal("1e9"), new BigDecimal("1e9")));
        l.add(cfg(d, "notional", 1_000_000L, 5_000_000L, 100_000_000L, new BigDecimal("1000"), 1000,
                d.riskPriceBand(), new BigDecimal("1e9"), new BigDecimal("1e9")));
        l.add(cfg(d, "rate", 1_000_000L, 5_000_000L, 100_000_000L, new BigDecimal("1e9"), 3, d.riskPriceBand(),
                new BigDecimal("1e9"), new BigDecimal("1e9")));
        l.add(cfg(d, "band", 1_000_000L, 5_000_000L, 100_000_000L, new BigDecimal("1e9"), 1000,
                new BigDecimal("0.00000001"), new BigDecimal("1e9"), new BigDecimal("1e9")));
        l.add(cfg(d, "drawdown", 1_000_000L, 5_000_000L, 100_000_000L, new BigDecimal("1e9"), 1000,
                d.riskPriceBand(), new BigDecimal("0.01"), new BigDecimal("1.0")));
        l.add(cfg(d, "kill", 1_000_000L, 5_000_000L, 100_000_000L, new BigDecimal("1e9"), 1000, d.riskPriceBand(),
                new BigDecimal("1e9"), new BigDecimal("1e9")));
        return l;
    }

    static TradingConfig cfg(TradingConfig d, String id, long orderQty, long maxPosition, long riskMaxPosition,
            BigDecimal maxNotional, int maxOrders, BigDecimal band, BigDecimal reduceDd, BigDecimal haltDd) {
        return new TradingConfig(id, d.entryThreshold(), d.exitThreshold(), orderQty, maxPosition, 2_000L,
                OrderType.MARKET, d.orderLatencyMs(), d.takerFee(), d.makerFee(), riskMaxPosition, maxNotional,
                new BigDecimal("1e9"), maxOrders, 600_000L, band, reduceDd, haltDd, 600_000L);
    }

    private JobExecutionResult run(TestDatabase db, int parallelism, boolean roundTrip) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Configuration conf = new Configuration();
        conf.setString("restart-strategy.type", "none"); // fail fast
        env.configure(conf);
        env.setParallelism(parallelism);
        env.enableCheckpointing(300);
        String bs = kafka.bootstrapServers();
        TradingOptions trading = new TradingOptions(true, accounts(), CONTROL, null, roundTrip)
                .withRiskKeyFile(keyFile.toString());
        new MarketDataJob(new JobSources(bs, Map.of(), options).rawFrames(List.of("binance-spot"), true),
                null, RiskControl.source(bs, CONTROL, "trading-risk-" + parallelism, true),
                List.of(new PostgresMarketDataSinks(db.target)), JobOptions.from(options, null).withTrading(trading)).build(env);
        return env.execute("paper-trading-p" + parallelism);
    }

    @Test
    void riskRulesAccountingAndDeterminism() throws Exception {
        try (TestDatabase a = new TestDatabase(); TestDatabase b = new TestDatabase()) {
            long t0 = System.nanoTime();
            JobExecutionResult ra = run(a, 2, false);
            long t1 = System.nanoTime();
            run(b, 1, true);
            long t2 = System.nanoTime();
            System.out.printf("paper trading runs: p=2 %.1f s, p=1 with state round trips %.1f s%n", (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9);
            Map<String, Object> acc = ra.getAllAccumulatorResults();
            System.out.println("accumulators: orders=" + acc.get(TradingOperator.ACC_ORDERS) + " rejected="
                    + acc.get(TradingOperator.ACC_REJECTED) + " fills=" + acc.get(TradingOperator.ACC_FILLS)
                    + " riskEvents=" + acc.get(TradingOperator.ACC_RISK_EVENTS) + " late="
                    + acc.get(TradingOperator.ACC_LATE));
            System.out.print(PaperReportCommand.report(a.target, List.of(), null, null));

            // something traded, on every account but the one whose price band rejects everything
            for (TradingConfig c : accounts()) {
                assertEquals(!c.accountId().equals("band"),
                        count(a, "SELECT count(*) FROM fills WHERE account_id = '" + c.accountId() + "'") > 0,
                        c.accountId() + " has fills");
                assertTrue(count(a, "SELECT count(*) FROM pnl WHERE account_id = '" + c.accountId() + "'") > 100,
                        c.accountId() + " has PnL snapshots");
            }
            assertEquals(0L, ((Number) acc.getOrDefault(TradingOperator.ACC_LATE, 0L)).longValue(), "late inputs");

            // each rule fires on its account, recorded in risk_events and on the rejected order
            for (String[] r : new String[][] {{"poscap", "position_cap"}, {"notional", "notional_cap"},
                    {"rate", "order_rate"}, {"band", "price_band"}}) {
                long events = count(a, "SELECT count(*) FROM risk_events WHERE account_id = '" + r[0] + "' AND rule = '"
                        + r[1] + "' AND order_id IS NOT NULL");
                assertTrue(events > 0, r[0] + ": " + r[1] + " risk events");
                assertEquals(events, count(a, "SELECT count(*) FROM orders WHERE account_id = '" + r[0]
                        + "' AND status = 'REJECTED' AND reject_rule = '" + r[1] + "'"), r[0] + ": rejected orders");
                assertEquals(events, count(a, "SELECT count(*) FROM risk_events e JOIN orders o USING (order_id) "
                        + "WHERE e.account_id = '" + r[0] + "' AND e.rule = '" + r[1] + "' AND o.reject_rule = e.rule"));
            }
            // provenance: every order names the model version and the score that made the strategy send it
            assertTrue(count(a, "SELECT count(*) FROM orders") > 0);
            assertEquals(0L, count(a, "SELECT count(*) FROM orders WHERE model_version IS DISTINCT FROM 'IMB' "
                    + "OR score IS NULL"), "orders without their model version and score");
            assertEquals(0L, count(a, "SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM scores s WHERE "
                    + "s.feed = o.feed AND s.native_symbol = o.native_symbol AND s.model_version = o.model_version "
                    + "AND s.score = o.score AND s.feature_time <= o.created_at)"), "an order's score is a scores row");
            // drawdown: ACTIVE -> REDUCING, then REDUCING -> HALTED, in this order; then only 'halted' rejections
            assertEquals(List.of("drawdown | ACTIVE | REDUCING", "drawdown | REDUCING | HALTED"),
                    a.rows("SELECT rule, state_before, state_after FROM risk_events WHERE account_id = 'drawdown' "
                            + "AND order_id IS NULL AND rule <> 'command_refused' ORDER BY sequence"));
            String haltedAt = a.rows("SELECT event_time FROM risk_events WHERE account_id = 'drawdown' "
                    + "AND rule = 'drawdown' AND state_after = 'HALTED'").get(0);
            assertEquals(0L, count(a, "SELECT count(*) FROM fills f JOIN orders o USING (order_id) WHERE "
                    + "f.account_id = 'drawdown' AND o.created_at >= '" + haltedAt + "'"), "no order after HALTED fills");
            assertEquals(List.of("HALTED"), a.rows("SELECT risk_state FROM pnl WHERE account_id = 'drawdown' "
                    + "ORDER BY snapshot_time DESC LIMIT 1"));
            // kill switch from the control topic, at its record time; nothing fills after it
            // then the unsigned, the forged, the wildcard ACTIVATE and the replayed KILL: refused, recorded, the
            // account stays HALTED
            assertEquals(List.of("kill_switch | ACTIVE | HALTED | " + Instant.ofEpochMilli(KILL_AT),
                    "command_refused | HALTED | HALTED | " + Instant.ofEpochMilli(KILL_AT + 10_000),
                    "command_refused | HALTED | HALTED | " + Instant.ofEpochMilli(KILL_AT + 20_000),
                    "command_refused | HALTED | HALTED | " + Instant.ofEpochMilli(KILL_AT + 30_000),
                    "command_refused | HALTED | HALTED | " + Instant.ofEpochMilli(KILL_AT + 40_000)),
                    a.rows("SELECT rule, state_before, state_after, to_char(event_time AT TIME ZONE 'UTC', "
                            + "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM risk_events WHERE account_id = 'kill' "
                            + "AND order_id IS NULL ORDER BY sequence"));
            List<String> why = a.rows("SELECT detail FROM risk_events WHERE account_id = 'kill' AND rule = "
                    + "'command_refused' ORDER BY sequence");
            List<String> expectedWhy = List.of("ACTIVATE refused: unsigned command", "ACTIVATE refused: bad signature",
                    "ACTIVATE refused: ACTIVATE for every account ('*') is refused", "KILL refused: replayed or out of order");
            for (int i = 0; i < expectedWhy.size(); i++) {
                assertTrue(why.get(i).startsWith(expectedWhy.get(i)), why.toString());
            }
            // the wildcard ACTIVATE is refused on every account
            assertEquals(List.of(String.valueOf(accounts().size())), a.rows("SELECT count(DISTINCT account_id) FROM "
                    + "risk_events WHERE rule = 'command_refused' AND detail LIKE 'ACTIVATE refused: ACTIVATE for every%'"));
            assertTrue(count(a, "SELECT count(*) FROM fills WHERE account_id = 'kill' AND fill_time < to_timestamp("
                    + KILL_AT / 1000 + ")") > 0, "fills before the kill");
            assertEquals(0L, count(a, "SELECT count(*) FROM fills WHERE account_id = 'kill' AND fill_time >= "
                    + "to_timestamp(" + KILL_AT / 1000 + ")"), "no fill after the kill");
            assertTrue(count(a, "SELECT count(*) FROM orders WHERE account_id = 'kill' AND reject_rule = 'halted'") > 0,
                    "orders after the kill are rejected");
            // unknown account's command and garbage were skipped; no other account was touched by them
            assertEquals(0L, count(a, "SELECT count(*) FROM risk_events WHERE rule IN ('manual', 'kill_switch') "
                    + "AND account_id <> 'kill'"));

            // accounting identity, exactly, on every pnl row: realized + unrealized - fees = equity = cash + mark value
            assertTrue(count(a, "SELECT count(*) FROM pnl") > 700);
            assertEquals(0L, count(a, "SELECT count(*) FROM pnl WHERE realized_pnl + unrealized_pnl - fees <> equity "
                    + "OR equity <> cash + mark_value"));
            // cash = the cash flows of the fills before the snapshot; mark value = Σ position × mark; fees = Σ fill fees
            assertEquals(0L, count(a, """
                    SELECT count(*) FROM pnl p
                    LEFT JOIN LATERAL (SELECT coalesce(sum(CASE WHEN side = 'BUY' THEN -notional ELSE notional END
                            - fee), 0) AS cash, coalesce(sum(fee), 0) AS fees
                        FROM fills f WHERE f.account_id = p.account_id AND f.fill_time < p.snapshot_time) f ON true
                    LEFT JOIN LATERAL (SELECT coalesce(sum(quantity * mark), 0) AS mv,
                            coalesce(sum(realized_pnl), 0) AS realized
                        FROM positions s WHERE s.account_id = p.account_id AND s.snapshot_time = p.snapshot_time) s ON true
                    WHERE p.cash <> f.cash OR p.fees <> f.fees OR p.mark_value <> s.mv OR p.realized_pnl <> s.realized
                    """));
            // every fill belongs to an order whose filled quantity and notional it makes up
            assertEquals(0L, count(a, """
                    SELECT count(*) FROM orders o LEFT JOIN (SELECT order_id, sum(quantity) q, sum(notional) n,
                        sum(fee) fee FROM fills GROUP BY 1) f USING (order_id)
                    WHERE o.filled_quantity <> coalesce(f.q, 0) OR o.filled_notional <> coalesce(f.n, 0)
                        OR o.fees <> coalesce(f.fee, 0)
                    """));

            // determinism: both runs wrote the same rows
            for (String q : List.of("SELECT * FROM orders ORDER BY order_id", "SELECT * FROM fills ORDER BY fill_id",
                    "SELECT * FROM pnl ORDER BY account_id, snapshot_time",
                    "SELECT * FROM positions ORDER BY account_id, feed, native_symbol, snapshot_time",
                    "SELECT * FROM risk_events ORDER BY account_id, sequence")) {
                List<String> ra2 = a.rows(q);
                List<String> rb = b.rows(q);
                assertFalse(ra2.isEmpty(), q);
                assertEquals(ra2.size(), rb.size(), q);
                for (int i = 0; i < ra2.size(); i++) {
                    assertEquals(ra2.get(i), rb.get(i), q + " row " + i);
                }
            }
        }
    }

    private static long count(TestDatabase db, String sql) throws Exception {
        return Long.parseLong(db.rows(sql).get(0));
    }
}
