package io.rrralgorithms.jobs.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.TestDatabase;
import io.rrralgorithms.jobs.config.ScoringConfigOptions;
import io.rrralgorithms.jobs.config.TradingConfigOptions;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.local.RunSpec;
import io.rrralgorithms.jobs.scoring.TestModels;
import io.rrralgorithms.models.spec.FeatureSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backfill into a database that already holds a full run of the same data (market data, scores
 * and paper trading) leaves every table as it was and rewrites no row: the upserts update only
 * when something changed ({@code pg_stat_user_tables.n_tup_upd} unchanged, no dead tuples).
 */
class BackfillIntoFullDatabaseIT {
    @TempDir
    static Path tmp;

    @Test
    void theSameDataAgainRewritesNothing() throws Exception {
        try (TestDatabase db = new TestDatabase()) {
            RunSpec first = spec(db);
            new LocalPipeline(first).run();
            Map<String, List<String>> before = dump(db);
            Map<String, Long> updatedBefore = stat(db, "n_tup_upd");
            Map<String, Long> insertedBefore = stat(db, "n_tup_ins");
            for (String t : List.of("book_top", "features", "trade_bars_1m", "scores", "orders", "fills", "positions",
                    "pnl")) {
                assertTrue(!before.get(t).isEmpty(), "the first run wrote no " + t);
            }

            new LocalPipeline(spec(db)).run();
            assertEquals(before, dump(db), "the backfill changed rows");
            Map<String, Long> updatedAfter = stat(db, "n_tup_upd");
            assertEquals(updatedBefore, updatedAfter, "rows rewritten by the backfill");
            assertEquals(insertedBefore, stat(db, "n_tup_ins"), "rows inserted by the backfill");
        }
    }

    private static String modelDir;

    private static RunSpec spec(TestDatabase db) throws IOException {
        RunSpec s = new RunSpec();
        s.files = List.of(SharedData.market("binance-spot/btcusdt_20240808.gz"));
        s.kafkaPort = 0;
        s.webPort = 0;
        s.postgres = db.target;
        s.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        s.err = s.out;
        if (modelDir == null) {
            float[] w = new float[FeatureSpec.V1.size()];
            w[FeatureSpec.V1.inputNames().indexOf("depth_imbalance")] = 1f;
            modelDir = TestModels.linear(tmp.resolve("model-imbalance"), "IMB", FeatureSpec.V1, w, 0f).toString();
        }
        s.job.set(ScoringConfigOptions.TF_DEVICE, "/CPU:0");
        s.job.set(ScoringConfigOptions.MODEL_DIR, modelDir);
        s.job.set(TradingConfigOptions.ENABLED, true);
        return s;
    }

    private static Map<String, List<String>> dump(TestDatabase db) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String t : TestDatabase.TABLES.keySet()) {
            out.put(t, db.table(t));
        }
        return out;
    }

    /**
     * A counter of {@code pg_stat_user_tables} per table of the job. The sinks' connections have
     * ended with the run and their statistics reach the server within its flush interval (1 s):
     * read until two reads agree.
     */
    private static Map<String, Long> stat(TestDatabase db, String column) throws Exception {
        Map<String, Long> last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            Thread.sleep(1200);
            Map<String, Long> now = new LinkedHashMap<>();
            for (String row : db.rows("SELECT relname, " + column + " FROM pg_stat_user_tables ORDER BY relname")) {
                String[] p = row.split(" \\| ");
                if (TestDatabase.TABLES.containsKey(p[0])) {
                    now.put(p[0], Long.parseLong(p[1]));
                }
            }
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }
}
