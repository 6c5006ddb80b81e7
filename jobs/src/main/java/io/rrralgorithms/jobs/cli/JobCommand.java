package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.jobs.MarketDataJob;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.local.RunSummary;
import io.rrralgorithms.jobs.sinks.PostgresMarketDataSinks;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.DetachedJobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "job", mixinStandardHelpOptions = true,
        description = {"The market-data job on the current Flink environment: submit the job jar to a cluster with "
                + "'flink run rrr-jobs-flink.jar job --bootstrap-servers ... --feeds ...'.",
                "Errors are one line on stderr, before the job is submitted. A --bounded job run attached prints the "
                        + "run summary and its 'warning:' lines at the end (--strict: exit code "
                        + ExitCodes.WARNINGS + " when there are any)."})
public class JobCommand implements Callable<Integer> {
    @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers")
    String bootstrapServers;

    @Option(names = "--feeds", split = ",", required = true, description = "feeds to read, e.g. binance-spot,binance-usdm")
    List<String> feeds;

    @Option(names = "--bounded", description = "stop at the offsets that are latest at start (a backfill); default: run forever")
    boolean bounded;

    @Option(names = "--no-migrate", description = "do not create/migrate the database at start-up")
    boolean noMigrate;

    @Option(names = "--strict", description = "with --bounded, run attached: exit with " + ExitCodes.WARNINGS
            + " instead of 0 when the run raised a warning (books never synced, a feed of mostly dead letters, "
            + "book gaps)")
    boolean strict;

    @Mixin
    PostgresOptions postgres;

    @Mixin
    PipelineOptions pipeline;

    @Override
    public Integer call() throws Exception {
        Preflight.knownFeeds("--feeds", feeds);
        pipeline.validate();
        postgres.validate();
        if (strict && !bounded) {
            throw UserError.usage("--strict needs --bounded: an unbounded job never ends, so it has no final summary");
        }
        // the database is the cluster's too; the client reaches it only where it migrates it
        if (!noMigrate) {
            LocalPipeline.prepareDatabase(postgres.target());
        }
        pipeline.modelRegistry = postgres.target(); // announced models must be registered there
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(pipeline.parallelism());
        env.enableCheckpointing(pipeline.checkpointIntervalMs());
        new MarketDataJob(LocalPipeline.source(bootstrapServers, feeds, bounded, pipeline),
                LocalPipeline.controlSource(bootstrapServers, bounded, pipeline),
                LocalPipeline.riskControlSource(bootstrapServers, bounded, pipeline),
                List.of(new PostgresMarketDataSinks(postgres.target())), pipeline.jobOptions(bootstrapServers)).build(env);
        long start = System.nanoTime();
        JobExecutionResult result = env.execute("rrr market data");
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
}
