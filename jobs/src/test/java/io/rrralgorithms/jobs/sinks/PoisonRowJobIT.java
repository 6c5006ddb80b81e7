package io.rrralgorithms.jobs.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.jobs.TestDatabase;
import io.rrralgorithms.jobs.features.FeatureRow;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The restart loop of the issue, on a MiniCluster: a bounded stream of feature rows, one of them
 * with a mid the NUMERIC(38, 9) column cannot hold, written through the job's features sink with
 * checkpoints on and a fixed-delay restart strategy. Before the quarantine the sink threw, the
 * job restarted from its checkpoint, met the row again and failed after its restart attempts.
 * Now it finishes on its first attempt, every good row written once and the bad one quarantined.
 */
class PoisonRowJobIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    static final int ROWS = 200;
    static final int POISON = 117;
    static final int PARALLELISM = 2;
    /** Task attempts seen by the map before the sink: a restart shows as a second open or an attempt > 0. */
    static final AtomicInteger OPENS = new AtomicInteger();
    static final AtomicInteger MAX_ATTEMPT = new AtomicInteger(-1);

    @Test
    void onePoisonRowIsQuarantinedAndTheJobFinishesWithoutRestarting() throws Exception {
        List<FeatureRow> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(row(i, i == POISON ? new BigDecimal("1e40") : new BigDecimal("61000.5")));
        }
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));

        try (TestDatabase db = new TestDatabase()) {
            // small batches and a short interval, so the poison row shares a batch with good ones
            PostgresTarget target = new PostgresTarget(db.target.jdbcUrl(), "postgres", null, 16, 50, 3);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
            env.setParallelism(PARALLELISM);
            env.enableCheckpointing(200);
            env.fromData(rows).setParallelism(1)
                    .map(new RecordAttempts()).name("record-attempts")
                    .sinkTo(new PostgresMarketDataSinks(target).features()).name("features");
            env.execute("poison-row");

            assertEquals(PARALLELISM, OPENS.get(), "the map was opened again: the job restarted");
            assertEquals(0, MAX_ATTEMPT.get(), "the job restarted");
            assertEquals(ROWS - 1, db.count("features"));
            assertEquals(0, db.count("features WHERE mid = 1e40"));
            assertEquals(List.of("features | 22003 | t"), db.rows("SELECT table_name, sql_state, "
                    + "(row_json::jsonb ->> 'mid')::numeric = 1e40 FROM quarantine"));
        }
    }

    static FeatureRow row(int i, BigDecimal mid) {
        FeatureRow r = new FeatureRow();
        r.feed = "binance-spot";
        r.nativeSymbol = "BTCUSDT";
        r.symbol = "BTC-USDT";
        r.timeMs = 1_723_161_600_000L + 1000L * i;
        r.bookValid = true;
        r.mid = mid;
        r.spread = new BigDecimal("0.01");
        r.depthLevels = 10;
        return r;
    }

    static final class RecordAttempts extends RichMapFunction<FeatureRow, FeatureRow> {
        @Override
        public void open(OpenContext context) {
            OPENS.incrementAndGet();
            MAX_ATTEMPT.accumulateAndGet(getRuntimeContext().getTaskInfo().getAttemptNumber(), Math::max);
        }

        @Override
        public FeatureRow map(FeatureRow row) {
            return row;
        }
    }
}
