package io.rrralgorithms.jobs.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobDurabilityTest {

    /** An environment as flink run / the REST submitter hands it to main: the cluster's configuration. */
    private static StreamExecutionEnvironment clusterEnv(Configuration cluster) {
        return new StreamExecutionEnvironment(cluster);
    }

    @Test
    void clusterSettingsWinOverTheDefaults() {
        Configuration cluster = new Configuration();
        cluster.set(CoreOptions.DEFAULT_PARALLELISM, 3);
        cluster.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, "file:///shared/ckp");
        cluster.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(42));
        cluster.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        cluster.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, 7);
        cluster.set(StateRecoveryOptions.SAVEPOINT_PATH, "file:///shared/sp-1"); // flink run -s
        StreamExecutionEnvironment env = clusterEnv(cluster);
        new JobDurability().apply(env, false);
        ReadableConfig c = env.getConfiguration();
        assertEquals(3, env.getParallelism());
        assertEquals(Duration.ofSeconds(42), c.get(CheckpointingOptions.CHECKPOINTING_INTERVAL));
        assertEquals("file:///shared/ckp", c.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY));
        assertEquals("fixed-delay", c.get(RestartStrategyOptions.RESTART_STRATEGY));
        assertEquals(7, c.get(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER));
        assertEquals("file:///shared/sp-1", c.get(StateRecoveryOptions.SAVEPOINT_PATH));
        // not set by the cluster: the durable default
        assertEquals(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION,
                c.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION));
    }

    @Test
    void explicitOptionsWinOverTheCluster() {
        Configuration cluster = new Configuration();
        cluster.set(CoreOptions.DEFAULT_PARALLELISM, 3);
        cluster.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, "file:///shared/ckp");
        cluster.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        StreamExecutionEnvironment env = clusterEnv(cluster);
        JobDurability d = new JobDurability();
        d.parallelism = 5;
        d.checkpointInterval = Duration.ofMillis(500);
        d.checkpointDir = "file:///mine/ckp";
        d.restartAttempts = 2;
        d.restorePath = "file:///mine/ckp/job/chk-9";
        d.apply(env, false);
        ReadableConfig c = env.getConfiguration();
        assertEquals(5, env.getParallelism());
        assertEquals(Duration.ofMillis(500), c.get(CheckpointingOptions.CHECKPOINTING_INTERVAL));
        assertEquals("file:///mine/ckp", c.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY));
        assertEquals("file:///mine/ckp/savepoints", c.get(CheckpointingOptions.SAVEPOINT_DIRECTORY));
        assertEquals("exponential-delay", c.get(RestartStrategyOptions.RESTART_STRATEGY));
        assertEquals(2, c.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS));
        assertEquals("file:///mine/ckp/job/chk-9", c.get(StateRecoveryOptions.SAVEPOINT_PATH));
    }

    @Test
    void nothingConfiguredGivesBoundedRestartsAndIsRefusedWithoutCheckpointStorage() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new JobDurability().apply(clusterEnv(new Configuration()), false));
        assertTrue(e.getMessage().startsWith("no checkpoint storage: give --checkpoint-dir URI"), e.getMessage());

        StreamExecutionEnvironment env = clusterEnv(new Configuration());
        JobDurability d = new JobDurability();
        d.checkpointDir = "file:///tmp/x";
        d.apply(env, true);
        ReadableConfig c = env.getConfiguration();
        assertEquals(JobDurability.LOCAL_PARALLELISM, env.getParallelism());
        assertEquals(JobDurability.DEFAULT_CHECKPOINT_INTERVAL, c.get(CheckpointingOptions.CHECKPOINTING_INTERVAL));
        assertEquals("exponential-delay", c.get(RestartStrategyOptions.RESTART_STRATEGY));
        assertEquals(JobDurability.DEFAULT_RESTART_ATTEMPTS,
                c.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS));
        assertEquals(JobDurability.DEFAULT_TOLERABLE_CHECKPOINT_FAILURES,
                c.get(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER));
        assertEquals("filesystem", c.get(CheckpointingOptions.CHECKPOINT_STORAGE));
    }

    @Test
    void latestRestorableIsTheNewestCheckpointOrSavepointWithMetadata(@TempDir Path dir) throws Exception {
        assertEquals(Optional.empty(), JobDurability.latestRestorable(dir.toUri().toString()));
        Path chk3 = metadata(dir.resolve("job-a/chk-3"), 1_000);
        assertEquals(Optional.of(chk3.toUri().toString()), normalized(JobDurability.latestRestorable(dir.toUri().toString())));
        Files.createDirectories(dir.resolve("job-b/chk-7")); // in progress when the process died: no metadata
        Files.createDirectories(dir.resolve("job-b/shared"));
        assertEquals(Optional.of(chk3.toUri().toString()), normalized(JobDurability.latestRestorable(dir.toUri().toString())));
        Path savepoint = metadata(dir.resolve("savepoints/savepoint-abc-123"), 2_000);
        assertEquals(Optional.of(savepoint.toUri().toString()),
                normalized(JobDurability.latestRestorable(dir.toUri().toString())));
        Path chk9 = metadata(dir.resolve("job-b/chk-9"), 3_000);
        assertEquals(Optional.of(chk9.toUri().toString()), normalized(JobDurability.latestRestorable(dir.toString())));
    }

    private static Path metadata(Path checkpoint, long ageOffsetMs) throws Exception {
        Files.createDirectories(checkpoint);
        Path m = Files.writeString(checkpoint.resolve("_metadata"), "x");
        Files.setLastModifiedTime(m, FileTime.fromMillis(1_700_000_000_000L + ageOffsetMs));
        return checkpoint;
    }

    /** file:/a/b and file:///a/b/ name the same directory. */
    private static Optional<String> normalized(Optional<String> uri) {
        return uri.map(u -> Path.of(URI.create(u)).toUri().toString());
    }
}
