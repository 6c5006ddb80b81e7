package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.jdbc.PostgresDatabase;
import io.rrralgorithms.jobs.MarketDataJob;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.sinks.PostgresMarketDataSinks;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "job", mixinStandardHelpOptions = true,
        description = "The market-data job on the current Flink environment: submit the job jar to a cluster with "
                + "'flink run rrr-jobs-flink.jar job --bootstrap-servers ... --feeds ...'.")
public class JobCommand implements Callable<Integer> {
    @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers")
    String bootstrapServers;

    @Option(names = "--feeds", split = ",", required = true, description = "feeds to read, e.g. binance-spot,binance-usdm")
    List<String> feeds;

    @Option(names = "--bounded", description = "stop at the offsets that are latest at start (a backfill); default: run forever")
    boolean bounded;

    @Option(names = "--no-migrate", description = "do not create/migrate the database at start-up")
    boolean noMigrate;

    @Mixin
    PostgresOptions postgres;

    @Mixin
    PipelineOptions pipeline;

    @Override
    public Integer call() throws Exception {
        if (!noMigrate) {
            PostgresDatabase.createIfMissing(postgres.target());
            PostgresDatabase.migrate(postgres.target());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(pipeline.parallelism());
        env.enableCheckpointing(pipeline.checkpointIntervalMs());
        new MarketDataJob(LocalPipeline.source(bootstrapServers, feeds, bounded, pipeline),
                LocalPipeline.controlSource(bootstrapServers, bounded, pipeline),
                LocalPipeline.riskControlSource(bootstrapServers, bounded, pipeline),
                List.of(new PostgresMarketDataSinks(postgres.target())), pipeline.jobOptions(bootstrapServers)).build(env);
        env.execute("rrr market data");
        return 0;
    }
}
