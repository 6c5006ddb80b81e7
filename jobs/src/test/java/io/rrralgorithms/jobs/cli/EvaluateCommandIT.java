package io.rrralgorithms.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.scoring.TestModels;
import io.rrralgorithms.models.spec.FeatureSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rrr evaluate} end to end on a real capture: a model that is exactly one of its inputs
 * (score = depth_imbalance) has that feature's IC and a paired difference of exactly zero; the
 * same command prints the same report; a block shorter than the horizon is refused.
 */
class EvaluateCommandIT {
    @TempDir
    Path tmp;

    @Test
    void aModelEqualToOneInputTiesWithItAndTheReportIsReproducible() throws Exception {
        float[] w = new float[FeatureSpec.V1.size()];
        w[FeatureSpec.V1.inputNames().indexOf("depth_imbalance")] = 1f;
        Path model = TestModels.linear(tmp.resolve("m"), "m-depth", FeatureSpec.V1, w, 0f);
        // the first file holds the REST snapshot that syncs the book
        String first8 = SharedData.market("binance-spot/btcusdt_20240808.gz").toString();
        String capture = SharedData.market("binance-spot/btcusdt_20240809.gz").toString();
        List<String> args = List.of("evaluate", "--model-dir", model.toString(), "--replay", first8, capture,
                "--horizon-seconds", "2", "--bootstrap-replicates", "200", "--seed", "5");

        CommandLineExecution first = CommandLineExecution.of(args);
        assertEquals(0, first.exitCode(), first.stderr());
        String out = first.stdout();
        System.out.print(out);
        assertTrue(out.contains("-- binance-spot:BTCUSDT: "), out);
        assertTrue(out.contains("-- pooled: "), out);
        String modelLine = line(out, "  model ");
        String featureLine = line(out, "  feature depth_imbalance ");
        assertEquals(field(modelLine, 1), field(featureLine, 2), "same IC\n" + modelLine + "\n" + featureLine);
        assertTrue(featureLine.matches(".*\\[[+-]0\\.000, [+-]0\\.000\\].*"), "paired IC difference 0: " + featureLine);
        for (String baseline : List.of("zero prediction", "last-return sign", "feature spread_bps",
                "feature realized_vol_1m_bps")) {
            assertTrue(out.contains("  " + baseline + " "), baseline + " in\n" + out);
        }

        CommandLineExecution again = CommandLineExecution.of(args);
        assertEquals(out, again.stdout(), "same seed, same report");

        CommandLineExecution refused = CommandLineExecution.of(List.of("evaluate", "--model-dir", model.toString(),
                "--replay", first8, capture, "--horizon-seconds", "5", "--block-length", "2"));
        assertEquals(ExitCodes.USAGE, refused.exitCode());
        assertTrue(refused.stderr().contains("rrr evaluate: --block-length 2 is shorter than the horizon of 5 rows"),
                refused.stderr());
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + prefix + " in\n" + out));
    }

    /** The n-th whitespace-separated field (0-based). */
    private static String field(String line, int n) {
        return line.strip().split("\\s+")[n];
    }
}
