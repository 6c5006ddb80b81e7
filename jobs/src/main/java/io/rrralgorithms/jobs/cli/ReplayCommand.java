package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.kafka.CaptureReplayer;
import io.rrralgorithms.connectors.kafka.RawTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Publish recorded captures (hftbacktest .gz, cryptofeed EXCHANGE.ws.N.0 or EXCHANGE-xxxxxx.0, "
                + "tardis.dev or nautilus depth CSVs: feed tardis) into the raw Kafka topics.",
                "Errors are one line on stderr, before anything is published."})
public class ReplayCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "capture files or folders of them; one feed's files are "
            + "played in order; FEED=FILE names one file's (or folder's) feed")
    List<Path> files;

    @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers")
    String bootstrapServers;

    @Option(names = "--feed", description = "feed of the files, if it cannot be inferred from the folder/file name")
    String feed;

    @Option(names = "--speed", defaultValue = "0",
            description = "0 = as fast as possible; 1 = recorded pace; N = N times faster")
    double speed;

    @Option(names = "--pace", defaultValue = "per-feed", paramLabel = "MODE",
            description = "paced replay: per-feed = each feed from its own first frame (feeds recorded weeks apart play "
                    + "side by side); aligned = one clock for all feeds, their recorded distance kept")
    String pace;

    @Option(names = "--max-pause", defaultValue = "60", paramLabel = "SECONDS",
            description = "paced replay: a pause longer than this (recorded time) is a gap between recordings and is "
                    + "not slept through; the progress line counts them")
    double maxPauseSeconds;

    @Option(names = "--topic-prefix", defaultValue = RawTopics.DEFAULT_PREFIX,
            description = "raw topics are <prefix><feed>")
    String topicPrefix;

    @Option(names = "--partitions", defaultValue = "1",
            description = "partitions of topics created by the replay")
    int partitions;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        CaptureArguments.Resolved resolved = CaptureArguments.resolve(files, feed);
        files = resolved.files();
        Preflight.captureFiles(files);
        if (feed != null) {
            Preflight.knownFeeds("--feed", List.of(feed));
        }
        Preflight.feedsOfFiles(files, resolved.feeds());
        Preflight.atLeast("--speed", speed, 0.0);
        Preflight.oneOf("--pace", pace, List.of("per-feed", "aligned"));
        Preflight.atLeast("--max-pause", maxPauseSeconds, 0.0);
        Preflight.atLeast("--partitions", partitions, 1);
        Map<String, String> kafkaProperties = kafka.properties();
        Preflight.kafkaAnswers(bootstrapServers, kafkaProperties, "start it, or check --bootstrap-servers");
        var result = CaptureReplayer.builder()
                .bootstrapServers(bootstrapServers)
                .kafkaProperties(kafkaProperties)
                .topicPrefix(topicPrefix)
                .partitions(partitions)
                .speed(speed)
                .pace(pace)
                .maxPause(Duration.ofNanos((long) (maxPauseSeconds * 1e9)))
                .progress(System.err)
                .build()
                .replay(files, resolved.feeds());
        result.framesPerTopic().forEach((t, n) -> System.out.printf("%-24s %,10d frames%n", t, n));
        System.out.printf("replayed %,d frames in %.1f s (%,d non-frame lines skipped)%n", result.frames(),
                result.seconds(), result.skippedLines());
        return 0;
    }
}
