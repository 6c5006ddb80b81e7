package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.flink.StartPlanner;
import io.rrralgorithms.jobs.JobOptions;
import io.rrralgorithms.jobs.JobSources;
import io.rrralgorithms.jobs.MarketDataJob;
import io.rrralgorithms.jobs.config.JobConfigOptions;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.local.RunSummary;
import io.rrralgorithms.jobs.runtime.JobDurability;
import io.rrralgorithms.jobs.scoring.ServedModelRegistration;
import io.rrralgorithms.jobs.sinks.PostgresMarketDataSinks;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.core.execution.DetachedJobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "job", mixinStandardHelpOptions = true, resourceBundle = ConfigDescriptions.BUNDLE,
        defaultValueProvider = ConfigDefaults.class,
        description = {"The market-data job on the current Flink environment: submit the job jar to a cluster with "
                + "'flink run rrr-jobs-flink.jar job --bootstrap-servers ... --feeds ...'.",
                "Errors are one line on stderr, before the job is submitted. A --bounded job run attached prints the "
                        + "run summary and its 'warning:' lines at the end (--strict: exit code "
                        + ExitCodes.WARNINGS + " when there are any)."})
public class JobCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(JobCommand.class);
    static final String JOB_NAME = "rrr market data";

    @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers")
    String bootstrapServers;

    @Option(names = "--feeds", split = ",", required = true, description = "feeds to read, e.g. binance-spot,binance-usdm")
    List<String> feeds;

    @Option(names = "--bounded", description = "stop at the offsets that are latest at start (a backfill); unset: run forever")
    boolean bounded;

    @Option(names = "--no-migrate", description = "do not create/migrate the database at start-up")
    boolean noMigrate;

    @Option(names = "--strict", description = "with --bounded, run attached: exit with " + ExitCodes.WARNINGS
            + " instead of 0 when the run raised a warning (books never synced, a feed of mostly dead letters, "
            + "book gaps)")
    boolean strict;

    @Option(names = "--resume", paramLabel = "latest|PATH", description = "restore from this checkpoint or "
            + "savepoint; latest: the newest retained checkpoint or savepoint under --checkpoint-dir (none there: a "
            + "fresh start). flink run -s PATH works too")
    String resume;

    @Mixin
    PostgresOptions postgres;

    @Mixin
    JdbcBatchOptions jdbcBatch;

    @Mixin
    JobArguments job;

    @Override
    public Integer call() throws Exception {
        Preflight.knownFeeds("--feeds", feeds);
        // the cluster's configuration (config.yaml, flink run -D) under the options given here
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Configuration settings = job.configuration(env.getConfiguration());
        postgres.batching(jdbcBatch).validate();
        if (strict && !bounded) {
            throw UserError.usage("--strict needs --bounded: an unbounded job never ends, so it has no final summary");
        }
        // the database is the cluster's too; the client reaches it only where it migrates it
        if (!noMigrate) {
            LocalPipeline.prepareDatabase(postgres.target());
            ServedModelRegistration.register(settings, postgres.target(), System.out);
        }
        JobDurability durability = job.durability();
        durability.restorePath = restorePath(env, settings);
        try {
            durability.apply(env, false);
        } catch (IllegalStateException e) {
            throw UserError.usage(e.getMessage());
        }
        Map<String, String> kafkaProperties = job.kafkaProperties();
        JobSources sources = new JobSources(bootstrapServers, kafkaProperties, settings);
        // announced models must be registered in the job's database
        Optional<StartPlanner.StartPlan> plan = sources.startPlan(feeds, durability.restorePath != null);
        plan.ifPresent(p -> {
            System.out.println("backfill from " + settings.get(JobConfigOptions.FROM) + ": rows from "
                    + Instant.ofEpochMilli(p.emitFromMs()) + ", state rebuilt from offsets " + p.readFrom()
                    + " (start offsets " + p.startAt() + ")");
            p.warnings().forEach(w -> System.err.println("warning: " + w));
        });
        JobOptions options = JobOptions.from(settings, postgres.target()).withResync(bootstrapServers,
                settings.getOptional(JobConfigOptions.RESYNC_TOPIC).orElse(null), kafkaProperties).withBackfill(plan);
        new MarketDataJob(sources.rawFrames(feeds, bounded, plan), sources.modelAnnouncements(bounded),
                sources.riskCommands(bounded), List.of(new PostgresMarketDataSinks(postgres.target())), options)
                .build(env);
        long start = System.nanoTime();
        JobExecutionResult result = env.execute(JOB_NAME);
        if (!bounded || result instanceof DetachedJobExecutionResult) {
            return ExitCodes.OK; // no final accumulators to summarize
        }
        RunSummary summary = RunSummary.fromAccumulators(result.getAllAccumulatorResults(),
                (System.nanoTime() - start) / 1e9);
        System.out.print(summary.render());
        System.out.flush();
        summary.warnings().forEach(w -> System.err.println("warning: " + w));
        return strict && !summary.warnings().isEmpty() ? ExitCodes.WARNINGS : ExitCodes.OK;
    }

    /** What --resume names: a path as given, or the newest restorable state under the checkpoint directory. */
    private String restorePath(StreamExecutionEnvironment env, ReadableConfig settings) throws IOException {
        if (resume == null || !resume.equals("latest")) {
            return resume;
        }
        String dir = job.checkpointDir != null ? job.checkpointDir
                : env.getConfiguration().getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY).orElse(null);
        if (dir == null) {
            throw UserError.usage("--resume latest needs --checkpoint-dir (or execution.checkpointing.dir in the "
                    + "cluster configuration): the directory to look in");
        }
        Optional<String> latest = JobDurability.latestRestorable(dir);
        if (latest.isEmpty()) {
            LOG.info("--resume latest: no retained checkpoint or savepoint under {}: starting fresh (--from {})", dir,
                    settings.get(JobConfigOptions.FROM));
            return null;
        }
        LOG.info("--resume latest: restoring from {}", latest.get());
        System.err.println("resuming from " + latest.get());
        return latest.get();
    }
}
