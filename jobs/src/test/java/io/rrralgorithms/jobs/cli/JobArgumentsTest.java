package io.rrralgorithms.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.JobOptions;
import io.rrralgorithms.jobs.config.JobConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Where a job setting comes from: the option given, else {@code -D}, else the cluster's configuration, else its default. */
class JobArgumentsTest {
    private static Configuration settings(Configuration cluster, String... args) {
        JobArguments a = new JobArguments();
        new CommandLine(a).parseArgs(args);
        return a.configuration(cluster);
    }

    @Test
    void optionsWinOverDashDWhichWinsOverTheCluster() {
        Configuration cluster = new Configuration();
        cluster.set(JobConfigOptions.DEPTH_LEVELS, 30);
        cluster.set(JobConfigOptions.GROUP_ID, "cluster-group");
        cluster.set(JobConfigOptions.FROM, "latest");
        Configuration s = settings(cluster, "-Drrr.book.depth-levels=20", "-Drrr.source.group-id=d-group",
                "--group-id", "option-group");
        assertEquals(20, s.get(JobConfigOptions.DEPTH_LEVELS));
        assertEquals("option-group", s.get(JobConfigOptions.GROUP_ID));
        assertEquals("latest", s.get(JobConfigOptions.FROM), "an option not given keeps the cluster's value");
        assertEquals(JobConfigOptions.TOPIC_PREFIX.defaultValue(), s.get(JobConfigOptions.TOPIC_PREFIX));
    }

    @Test
    void dashDValuesAreCheckedLikeOptions() {
        UserError bad = assertThrows(UserError.class, () -> settings(new Configuration(), "-Drrr.book.depth-levels=0"));
        assertTrue(bad.getMessage().startsWith("--depth-levels must be at least 1, got 0"), bad.getMessage());
        UserError unknown = assertThrows(UserError.class, () -> settings(new Configuration(), "-Drrr.nosuch=1"));
        assertTrue(unknown.getMessage().startsWith("-Drrr.nosuch: unknown setting"), unknown.getMessage());
    }

    @Test
    void objectReuseIsOnUnlessTurnedOff() {
        assertTrue(JobOptions.Latency.from(settings(new Configuration())).objectReuse());
        assertFalse(JobOptions.Latency.from(settings(new Configuration(), "--no-object-reuse")).objectReuse());
        assertFalse(JobOptions.Latency.from(settings(new Configuration(), "-Drrr.latency.object-reuse=false")).objectReuse());
    }
}
