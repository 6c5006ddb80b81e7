package io.rrralgorithms.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.MarketDataSinks;
import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.TestDatabase;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.features.FeatureRow;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.local.RunSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A task that throws on every attempt: the run ends after the bounded restarts, with one line naming the cause. */
class RunFailureIT {

    @Test
    void aSinkThatAlwaysThrowsEndsTheRunWithOneLine(@TempDir Path tmp) throws Exception {
        try (TestDatabase db = new TestDatabase()) {
            RunSpec s = new RunSpec();
            s.files = List.of(SharedData.market("cryptofeed/BINANCE.ws.1.0"));
            s.kafkaPort = 0;
            s.webPort = 0;
            s.postgres = db.target;
            s.durability.restartAttempts = 2;
            s.durability.restartInitialBackoff = Duration.ofMillis(100);
            s.durability.checkpointDir = tmp.resolve("checkpoints").toUri().toString(); // kept by a failed run
            s.extraSinks = List.of(new PoisonSinks());
            s.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            Exception e = assertThrows(Exception.class, () -> new LocalPipeline(s).run());
            long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
            assertTrue(seconds < 120, "took " + seconds + " s");

            CommandLine cmd = Rrr.commandLine();
            StringWriter err = new StringWriter();
            cmd.setErr(new PrintWriter(err, true));
            CommandLine run = cmd.getSubcommands().get("run");
            int code = new OneLineErrors().handleExecutionException(e, run, cmd.parseArgs("run"));
            assertEquals(ExitCodes.FAILED, code);
            assertEquals(List.of("rrr run: failed: IllegalStateException: poison sink" + OneLineErrors.RESTARTS_EXHAUSTED
                    + " (--verbose prints the stack trace)"), err.toString().lines().toList());
            assertEquals(List.of("bounded | failed"), db.rows("SELECT mode, status FROM pipeline_runs"));
        }
    }

    static final class PoisonSinks implements MarketDataSinks {
        @Override
        public Sink<FeatureRow> features() {
            return new Poison<>();
        }

        @Override
        public Sink<BookTop> bookSamples() {
            return new Poison<>();
        }
    }

    static final class Poison<T> implements Sink<T> {
        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(T element, Context context) {
                    throw new IllegalStateException("poison sink");
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }
}
