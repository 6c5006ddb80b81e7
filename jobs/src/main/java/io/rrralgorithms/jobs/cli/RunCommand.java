package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.capture.CaptureFeeds;
import io.rrralgorithms.connectors.live.CaptureConfig;
import io.rrralgorithms.jobs.local.LocalDatabase;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.local.RunSpec;
import io.rrralgorithms.jobs.local.RunSummary;
import io.rrralgorithms.jobs.ui.LivePage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true, resourceBundle = ConfigDescriptions.BUNDLE,
        defaultValueProvider = ConfigDefaults.class,
        description = {"The one-command local run: embedded Kafka (KRaft), replay of the given captures, the job on a "
                + "local Flink cluster with its web UI, PostgreSQL, and a summary at the end.",
                "Without capture files (and without --feeds): live capture (default Binance spot BTC-USDT and ETH-USDT, "
                        + "or --capture-config FILE) into the embedded Kafka, the job unbounded on it; exits at once "
                        + "with one line when no exchange answers.",
                "Errors are one line on stderr, before anything starts; at the end, 'warning:' lines say where "
                        + "output is missing (--strict turns them into exit code " + ExitCodes.WARNINGS + ")."})
public class RunCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "FILE", description = "capture files to replay (hftbacktest .gz, cryptofeed "
            + "EXCHANGE.ws.N.0 or EXCHANGE-xxxxxx.0, plain or .gz; tardis.dev or nautilus depth CSVs, read with the "
            + "files of their day beside them, as the feed tardis) or folders of them (hftbacktest's spot/ usdm/ cm/); "
            + "FEED=FILE names one file's (or folder's) feed")
    List<Path> files = new ArrayList<>();

    @Option(names = "--feed", description = "feed of the files, if it cannot be inferred from the folder/file name")
    String feed;

    /** The feed of each file, from the arguments and --feed. */
    private CaptureFeeds feedOfFile = CaptureFeeds.INFERRED;

    @Option(names = "--feeds", split = ",", description = "also read these feeds' topics (e.g. binance-spot,binance-usdm)")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--speed", defaultValue = "0",
            description = "replay pace: 0 = as fast as possible; 1 = recorded pace; N = N times faster")
    double speed;

    @Option(names = "--pace", defaultValue = "per-feed", paramLabel = "MODE",
            description = "paced replay: per-feed = each feed from its own first frame (feeds recorded weeks apart play "
                    + "side by side); aligned = one clock for all feeds, their recorded distance kept")
    String pace;

    @Option(names = "--max-pause", defaultValue = "60", paramLabel = "SECONDS",
            description = "paced replay: a pause longer than this (recorded time) is a gap between recordings and is "
                    + "not slept through; the progress line counts them")
    double maxPauseSeconds;

    @Option(names = "--unbounded", description = "keep the job running after the replay (Ctrl-C stops it); unset: "
            + "bounded, the job stops when it has drained the topics")
    boolean unbounded;

    @Option(names = "--bootstrap-servers", description = "use this Kafka instead of starting the embedded broker")
    String bootstrapServers;

    /** The embedded broker's port when --kafka-port is not given (and free). */
    static final int DEFAULT_KAFKA_PORT = 9092;
    /** The web UI's port when --web-port is not given (and free). */
    static final int DEFAULT_WEB_PORT = 8081;

    @Option(names = "--kafka-port", paramLabel = "PORT", description = "port of the embedded broker; 0 = any free one. "
            + "Unset: " + DEFAULT_KAFKA_PORT + ", or a free one (printed) when that is taken")
    Integer kafkaPortOption;

    /** The broker's port as resolved before anything starts. */
    int kafkaPort;

    @Option(names = "--kafka-dir", description = "data folder of the embedded broker (unset: a temporary folder, removed on every exit, Ctrl-C too)")
    Path kafkaDir;

    @Option(names = "--partitions", defaultValue = "1", description = "partitions of created topics")
    int partitions;

    @Option(names = "--web-port", paramLabel = "PORT", description = "Flink web UI port; 0 = any free one. Unset: "
            + DEFAULT_WEB_PORT + ", or a free one (printed) when that is taken")
    Integer webPortOption;

    /** The web UI's port as resolved before anything starts. */
    int webPort;

    @Option(names = "--ui-port", paramLabel = "PORT", description = "port of the live page (books, trades, "
            + "accounts, refreshed every second; 0 = any free port); unset: " + LivePage.DEFAULT_PORT
            + ", or a free port when that one is taken")
    Integer uiPort;

    @Option(names = "--prometheus-port", paramLabel = "PORT", description = "serve the job's Flink metrics "
            + "for Prometheus at http://localhost:PORT/metrics (unset: off)")
    Integer prometheusPort;

    @Option(names = "--savepoint-dir", description = "where Ctrl-C on an unbounded run stops the job with a savepoint "
            + "(unset: a temporary folder)")
    Path savepointDir;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "keep the embedded broker's log, the retained "
            + "checkpoints, the savepoints and the run record in DIR: after a crash or kill, the same command again "
            + "resumes (the replay continues after the frames the topics hold, the job restores from the latest "
            + "checkpoint or savepoint). Unset: none (temporary folders)")
    Path stateDir;

    @Option(names = "--capture-config", paramLabel = "FILE", description = "live run: the venues and symbols to "
            + "capture (the rrr capture configuration; its kafka section is replaced by the run's). Unset: "
            + "binance-spot BTC-USDT, ETH-USDT")
    Path captureConfig;

    @Option(names = "--keep-ui", description = "bounded run: after the summary, keep the local Flink cluster with its "
            + "web UI and the live page up (to look at the finished run) until Enter or Ctrl-C")
    boolean keepUi;

    @Option(names = "--strict", description = "exit with " + ExitCodes.WARNINGS + " instead of 0 when the run raised "
            + "a warning (books never synced, a feed of mostly dead letters, book gaps): for scripted backfills")
    boolean strict;

    @Mixin
    PostgresOptions postgres;

    @Mixin
    JdbcBatchOptions jdbcBatch;

    @Mixin
    JobArguments job;

    @Override
    public Integer call() throws Exception {
        RunSpec s = new RunSpec();
        s.job = validate();
        s.files = files;
        s.feedOfFile = feedOfFile;
        s.feeds = feeds;
        s.speed = speed;
        s.pace = pace;
        s.maxPauseSeconds = maxPauseSeconds;
        s.bounded = !unbounded;
        s.keepUi = keepUi;
        s.bootstrapServers = bootstrapServers;
        s.kafkaPort = kafkaPort;
        s.kafkaDir = kafkaDir;
        s.partitions = partitions;
        s.webPort = webPort;
        s.prometheusPort = prometheusPort;
        s.uiPort = uiPort;
        s.savepointDir = savepointDir;
        s.stateDir = stateDir;
        s.durability = job.durability();
        s.kafkaProperties = job.kafkaProperties();
        if (captureConfig != null) {
            try {
                s.capture = CaptureConfig.load(captureConfig);
            } catch (IOException e) {
                throw new UserError(ExitCodes.INPUT, "cannot read --capture-config " + captureConfig + ": "
                        + e.getMessage(), e);
            }
        }
        // the live exchanges, then the database, are asked by the pipeline before it starts anything
        RunSummary summary;
        try (LocalDatabase db = postgres.local()) {
            s.database = db;
            s.postgres = postgres.target(db);
            s.modelRegistry = s.postgres; // announced models must be registered there
            summary = new LocalPipeline(s).run();
        }
        return strict && summary != null && !summary.warnings().isEmpty() ? ExitCodes.WARNINGS : ExitCodes.OK;
    }

    /**
     * Files, feeds, ports, then the other options, then Kafka where given: before anything starts.
     * Returns the job's settings.
     */
    private Configuration validate() {
        CaptureArguments.Resolved resolved = CaptureArguments.resolve(files, feed);
        files = resolved.files();
        feedOfFile = resolved.feeds();
        Preflight.captureFiles(files);
        if (feed != null) {
            Preflight.knownFeeds("--feed", List.of(feed));
        }
        Preflight.knownFeeds("--feeds", feeds);
        Preflight.feedsOfFiles(files, feedOfFile);
        if (webPortOption != null) {
            Preflight.port("--web-port", webPortOption);
        }
        if (kafkaPortOption != null) {
            Preflight.port("--kafka-port", kafkaPortOption);
        }
        boolean embeddedKafka = bootstrapServers == null;
        if (embeddedKafka && webPortOption != null && webPortOption != 0 && webPortOption.equals(kafkaPortOption)) {
            throw UserError.usage("--web-port and --kafka-port are both " + webPortOption + ": give different ports");
        }
        webPort = Preflight.choosePort("--web-port", "the Flink web UI", webPortOption, DEFAULT_WEB_PORT, System.out);
        if (embeddedKafka) {
            kafkaPort = Preflight.choosePort("--kafka-port", "the embedded Kafka broker", kafkaPortOption,
                    DEFAULT_KAFKA_PORT, System.out);
        }
        if (prometheusPort != null) {
            Preflight.port("--prometheus-port", prometheusPort);
            if (prometheusPort == 0) {
                throw UserError.usage("--prometheus-port 0: give a port (Prometheus must know where to scrape)");
            }
            if (prometheusPort == webPort || (embeddedKafka && prometheusPort == kafkaPort)) {
                throw UserError.usage("--prometheus-port " + prometheusPort + " is also the "
                        + (prometheusPort == webPort ? "--web-port" : "--kafka-port") + ": give different ports");
            }
            try {
                Preflight.portFree("--prometheus-port", "the Prometheus metrics endpoint", prometheusPort);
            } catch (UserError e) {
                throw new UserError(ExitCodes.PORT_TAKEN, "port " + prometheusPort + " (--prometheus-port, the "
                        + "Prometheus metrics endpoint) is already in use: stop what listens there, or give another port");
            }
        }
        if (uiPort != null) {
            Preflight.port("--ui-port", uiPort);
            if (uiPort != 0 && (uiPort == webPort || uiPort.equals(prometheusPort) || (embeddedKafka && uiPort == kafkaPort))) {
                throw UserError.usage("--ui-port " + uiPort + " is also the port of another service of the run: "
                        + "give different ports");
            }
            Preflight.portFree("--ui-port", "the live page", uiPort);
        }
        if (keepUi && unbounded) {
            throw UserError.usage("--keep-ui is for a bounded run: an unbounded run keeps its web UI up until Ctrl-C");
        }
        Preflight.atLeast("--speed", speed, 0.0);
        Preflight.oneOf("--pace", pace, List.of("per-feed", "aligned"));
        Preflight.atLeast("--max-pause", maxPauseSeconds, 0.0);
        Preflight.atLeast("--partitions", partitions, 1);
        Configuration jobSettings = job.configuration(new Configuration());
        postgres.batching(jdbcBatch).validate();
        if (captureConfig != null) {
            if (!files.isEmpty() || !feeds.isEmpty()) {
                throw UserError.usage("--capture-config is for the live run: give it without capture files and --feeds");
            }
            Preflight.captureFiles(List.of(captureConfig));
        }
        if (!embeddedKafka) {
            Preflight.kafkaAnswers(bootstrapServers, job.kafkaProperties(), "start it, check --bootstrap-servers, "
                    + "or leave the option out to run on an embedded broker");
        }
        return jobSettings;
    }
}
