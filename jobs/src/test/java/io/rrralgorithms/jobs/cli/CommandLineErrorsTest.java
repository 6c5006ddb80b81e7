package io.rrralgorithms.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.local.DatabaseUnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The error table of {@code rrr run}, {@code rrr replay} and {@code rrr job}: each provocation
 * gives its exit code and exactly one line on stderr, within seconds, before anything starts (no
 * Kafka folder, nothing on stdout). In-process, through {@link Rrr#commandLine()} as main runs it.
 */
class CommandLineErrorsTest {
    @TempDir
    static Path tmp;

    /** Bound for the whole class: the "port taken" provocations. */
    static ServerSocket listener;
    static String deadDatabase;
    static String deadKafka;
    static String capture;

    @BeforeAll
    static void setUp() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        deadDatabase = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/rrr";
        deadKafka = "127.0.0.1:" + closedPort();
        capture = SharedData.market("cryptofeed/BINANCE.ws.1.0").toString();
        Files.writeString(tmp.resolve("notes.txt"), "not a capture\n");
        Files.writeString(tmp.resolve("truncated.gz"), "not gzip\n");
        Files.writeString(Files.createDirectories(tmp.resolve("downloads")).resolve("notes.md"), "not a capture\n");
        Path unknownVenue = Files.createDirectories(tmp.resolve("somevenue"));
        Files.writeString(unknownVenue.resolve("capture.txt"),
                "1723161240000000000 {\"stream\":\"btcusdt@trade\",\"data\":{}}\n");
    }

    @AfterAll
    static void tearDown() throws IOException {
        listener.close();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * A run that would start but for the dead database: every provocation below changes one thing
     * of it (an option given in {@code changes} replaces its default here).
     */
    private static List<String> run(String... changes) {
        List<String> args = new ArrayList<>(List.of("run"));
        List<String> given = List.of(changes);
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("--kafka-port", "0");
        defaults.put("--web-port", "0");
        defaults.put("--kafka-dir", tmp.resolve("kafka").toString());
        defaults.put("--jdbc-url", deadDatabase);
        defaults.forEach((option, value) -> {
            if (!given.contains(option)) {
                args.add(option);
                args.add(value);
            }
        });
        args.addAll(given);
        return args;
    }

    private static List<String> job(String... changes) {
        List<String> args = new ArrayList<>(List.of("job", "--bootstrap-servers", deadKafka, "--feeds", "binance-spot",
                "--jdbc-url", deadDatabase));
        args.addAll(List.of(changes));
        return args;
    }

    static Stream<Arguments> provocations() {
        String missing = tmp.resolve("nosuch.gz").toString();
        String directory = tmp.resolve("downloads").toString();
        String garbage = tmp.resolve("notes.txt").toString();
        String uninferable = tmp.resolve("somevenue/capture.txt").toString();
        return Stream.of(
                // files
                Arguments.of("missing file", run(missing), ExitCodes.INPUT,
                        "rrr run: no such capture file: " + missing + " (check the path)"),
                Arguments.of("a directory without captures", run(directory), ExitCodes.INPUT,
                        "rrr run: no capture files in " + directory + " (left out 1 file not a capture (notes.md); known: "),
                Arguments.of("unknown capture format", run(garbage), ExitCodes.INPUT,
                        "rrr run: unknown capture format: " + garbage),
                Arguments.of("a .gz that is not gzip", run(tmp.resolve("truncated.gz").toString()), ExitCodes.INPUT,
                        "rrr run: cannot read capture file " + tmp.resolve("truncated.gz") + ": Not in GZIP format"),
                Arguments.of("feed not inferable", run(uninferable), ExitCodes.INPUT,
                        "rrr run: cannot infer the feed of " + uninferable),
                // feeds
                Arguments.of("unknown --feed", run(capture, "--feed", "nosuch"), ExitCodes.USAGE,
                        "rrr run: unknown feed 'nosuch' (--feed); use one of "),
                Arguments.of("unknown --feeds", run("--feeds", "binance-spot,nosuch"), ExitCodes.USAGE,
                        "rrr run: unknown feed 'nosuch' (--feeds); use one of "),
                // ports
                Arguments.of("web port taken", run(capture, "--web-port", String.valueOf(listener.getLocalPort())),
                        ExitCodes.PORT_TAKEN, "rrr run: port " + listener.getLocalPort()
                                + " (--web-port, the Flink web UI) is already in use: stop what listens there, give "
                                + "another port, or leave --web-port out to take a free one"),
                Arguments.of("kafka port taken", run(capture, "--kafka-port", String.valueOf(listener.getLocalPort())),
                        ExitCodes.PORT_TAKEN, "rrr run: port " + listener.getLocalPort()
                                + " (--kafka-port, the embedded Kafka broker) is already in use"),
                Arguments.of("same port twice", run(capture, "--kafka-port", "9999", "--web-port", "9999"),
                        ExitCodes.USAGE, "rrr run: --web-port and --kafka-port are both 9999"),
                Arguments.of("port out of range", run(capture, "--web-port", "70000"), ExitCodes.USAGE,
                        "rrr run: --web-port must be a port from 0 to 65535, got 70000"),
                Arguments.of("prometheus port taken", run(capture, "--prometheus-port", String.valueOf(listener.getLocalPort())),
                        ExitCodes.PORT_TAKEN, "rrr run: port " + listener.getLocalPort() + " (--prometheus-port, the "
                                + "Prometheus metrics endpoint) is already in use: stop what listens there, or give another port"),
                Arguments.of("prometheus port 0", run(capture, "--prometheus-port", "0"), ExitCodes.USAGE,
                        "rrr run: --prometheus-port 0: give a port (Prometheus must know where to scrape)"),
                Arguments.of("prometheus port = web port", run(capture, "--web-port", "9998", "--prometheus-port", "9998"),
                        ExitCodes.USAGE, "rrr run: --prometheus-port 9998 is also the --web-port: give different ports"),
                Arguments.of("ui port taken", run(capture, "--ui-port", String.valueOf(listener.getLocalPort())),
                        ExitCodes.PORT_TAKEN, "rrr run: port " + listener.getLocalPort() + " (--ui-port, the live page) "
                                + "is already in use: stop what listens there, give another port, or leave --ui-port out to take a free one"),
                Arguments.of("ui port = web port", run(capture, "--web-port", "9997", "--ui-port", "9997"),
                        ExitCodes.USAGE, "rrr run: --ui-port 9997 is also the port of another service of the run: give different ports"),
                // strategy and capital
                Arguments.of("unknown strategy", run(capture, "--strategy", "nope"), ExitCodes.USAGE,
                        "rrr run: --strategy must be one of [threshold, cost-aware], got 'nope'"),
                Arguments.of("drawdown % without capital", run(capture, "--risk-max-drawdown-pct", "2"), ExitCodes.USAGE,
                        "rrr run: --risk-max-drawdown-pct needs --capital: it is a share of the capital"),
                Arguments.of("evaluate a missing model", List.of("evaluate", "--model-dir", tmp.resolve("nomodel").toString(),
                        "--replay", capture), ExitCodes.USAGE, "rrr evaluate: model at " + tmp.resolve("nomodel")
                                + " has no readable metadata"),
                Arguments.of("walk-forward without windows", List.of("train", "--walk-forward", "--windows", "0",
                        "--replay", capture), ExitCodes.USAGE, "rrr train: --windows must be at least 1, got 0"),
                Arguments.of("walk-forward with too many windows", List.of("train", "--walk-forward", "--windows",
                        "100000", "--horizon-seconds", "1", "--replay", capture), ExitCodes.USAGE, "rrr train: binance"),
                Arguments.of("shrunk ridge on spec v1", List.of("train", "--walk-forward", "--feature-spec", "v1",
                        "--model", "shrunk", "--replay", capture), ExitCodes.USAGE, "rrr train: --model shrunk needs "
                                + "per-instrument normalization: use --feature-spec v2"),
                Arguments.of("ui port out of range", run(capture, "--ui-port", "-1"), ExitCodes.USAGE,
                        "rrr run: --ui-port must be a port from 0 to 65535, got -1"),
                Arguments.of("rrr ui port taken", List.of("ui", "--ui-port", String.valueOf(listener.getLocalPort())),
                        ExitCodes.PORT_TAKEN, "rrr ui: port " + listener.getLocalPort() + " (--ui-port, the live page) "
                                + "is already in use: stop what listens there, give another port, or leave --ui-port out to take a free one"),
                Arguments.of("rrr ui on a dead database", List.of("ui", "--ui-port", "0", "--jdbc-url", deadDatabase),
                        ExitCodes.DATABASE, "rrr ui: PostgreSQL does not answer at " + deadDatabase),
                Arguments.of("rrr ui bad flink url", List.of("ui", "--flink-ui", "localhost:8081"), ExitCodes.USAGE,
                        "rrr ui: --flink-ui must be an http(s) URL such as http://localhost:8081, got 'localhost:8081'"),
                // options
                Arguments.of("negative depth", run(capture, "--depth-levels", "-3"), ExitCodes.USAGE,
                        "rrr run: --depth-levels must be at least 1, got -3 (see rrr run --help)"),
                Arguments.of("zero depth", run(capture, "--depth-levels", "0"), ExitCodes.USAGE,
                        "rrr run: --depth-levels must be at least 1, got 0"),
                Arguments.of("negative speed", run(capture, "--speed", "-1"), ExitCodes.USAGE,
                        "rrr run: --speed must be at least 0.0, got -1.0"),
                Arguments.of("zero partitions", run(capture, "--partitions", "0"), ExitCodes.USAGE,
                        "rrr run: --partitions must be at least 1, got 0"),
                Arguments.of("zero pending diffs", run(capture, "--max-pending-diffs", "0"), ExitCodes.USAGE,
                        "rrr run: --max-pending-diffs must be at least 1, got 0"),
                Arguments.of("book bound below the depth", run(capture, "--book-max-levels", "5"), ExitCodes.USAGE,
                        "rrr run: --book-max-levels (or 0 for every level) must be at least 10, got 5"),
                Arguments.of("negative book bound", run(capture, "--book-max-levels", "-1", "--depth-levels", "20"),
                        ExitCodes.USAGE, "rrr run: --book-max-levels (or 0 for every level) must be at least 20, got -1"),
                Arguments.of("zero clock skew", run(capture, "--max-clock-skew-ms", "0"), ExitCodes.USAGE,
                        "rrr run: --max-clock-skew-ms must be at least 1, got 0"),
                Arguments.of("negative frame limit", run(capture, "--max-frame-bytes", "-1"), ExitCodes.USAGE,
                        "rrr run: --max-frame-bytes must be at least 1, got -1"),
                Arguments.of("zero parallelism", run(capture, "--parallelism", "0"), ExitCodes.USAGE,
                        "rrr run: --parallelism must be at least 1, got 0"),
                Arguments.of("zero checkpoint interval", run(capture, "--checkpoint-interval-ms", "0"),
                        ExitCodes.USAGE, "rrr run: --checkpoint-interval-ms must be at least 10, got 0"),
                Arguments.of("negative out-of-orderness", run(capture, "--out-of-orderness-ms", "-1"),
                        ExitCodes.USAGE, "rrr run: --out-of-orderness-ms must be at least 0, got -1"),
                Arguments.of("zero idleness", run(capture, "--idleness-ms", "0"), ExitCodes.USAGE,
                        "rrr run: --idleness-ms must be at least 1, got 0"),
                Arguments.of("zero score batch", run(capture, "--score-batch-size", "0"), ExitCodes.USAGE,
                        "rrr run: --score-batch-size must be at least 1, got 0"),
                Arguments.of("zero jdbc batch", run(capture, "--jdbc-batch-size", "0"), ExitCodes.USAGE,
                        "rrr run: --jdbc-batch-size must be at least 1, got 0"),
                Arguments.of("zero jdbc interval", run(capture, "--jdbc-batch-interval-ms", "0"), ExitCodes.USAGE,
                        "rrr run: --jdbc-batch-interval-ms must be at least 1, got 0"),
                Arguments.of("not a jdbc url", run(capture, "--jdbc-url", "postgres://localhost/rrr"), ExitCodes.USAGE,
                        "rrr run: --jdbc-url must be a PostgreSQL JDBC URL"),
                Arguments.of("zero order quantity", run(capture, "--order-qty", "0"), ExitCodes.USAGE,
                        "rrr run: --order-qty must be greater than 0, got 0"),
                Arguments.of("order quantity not a number", run(capture, "--order-qty", "lots"), ExitCodes.USAGE,
                        "rrr run: --order-qty must be a decimal number such as 0.01, got 'lots'"),
                Arguments.of("negative fee", run(capture, "--taker-fee", "binance-spot=-0.1"), ExitCodes.USAGE,
                        "rrr run: --taker-fee binance-spot must not be negative, got -0.1"),
                Arguments.of("zero risk orders", run(capture, "--risk-max-orders", "0"), ExitCodes.USAGE,
                        "rrr run: --risk-max-orders must be at least 1, got 0"),
                Arguments.of("trading without scoring", run(capture, "--trading"), ExitCodes.USAGE,
                        "rrr run: trading needs scores"),
                Arguments.of("missing model dir", run(capture, "--model-dir", tmp.resolve("nomodel").toString()),
                        ExitCodes.INPUT, "rrr run: --model-dir " + tmp.resolve("nomodel") + " is not a directory"),
                Arguments.of("bad --from", run(capture, "--from", "yesterday"), ExitCodes.USAGE,
                        "rrr run: bad --from 'yesterday': use earliest, latest, committed"),
                Arguments.of("bad --from timestamp", run(capture, "--from", "timestamp:yesterday"), ExitCodes.USAGE,
                        "rrr run: bad --from 'timestamp:yesterday': the timestamp is neither epoch milliseconds nor"),
                Arguments.of("bad --from offsets", run(capture, "--from", "offsets:raw.binance-spot:x:1"),
                        ExitCodes.USAGE, "rrr run: bad --from 'offsets:raw.binance-spot:x:1': "),
                // picocli's own parse errors
                Arguments.of("not a number", run(capture, "--depth-levels", "many"), ExitCodes.USAGE,
                        "rrr run: Invalid value for option '--depth-levels': 'many' is not an int (see rrr run --help)"),
                Arguments.of("unknown option", run(capture, "--nosuch"), ExitCodes.USAGE,
                        "rrr run: Unknown option: '--nosuch' (see rrr run --help)"),
                // services
                Arguments.of("kafka down", run(capture, "--bootstrap-servers", deadKafka), ExitCodes.KAFKA,
                        "rrr run: Kafka does not answer at " + deadKafka + " within 5 s: start it"),
                Arguments.of("database down", run(capture), ExitCodes.DATABASE,
                        "rrr run: PostgreSQL does not answer at " + deadDatabase + ": "),
                // replay
                Arguments.of("replay: missing file", List.of("replay", "--bootstrap-servers", deadKafka, missing),
                        ExitCodes.INPUT, "rrr replay: no such capture file: " + missing),
                Arguments.of("replay: a directory without captures", List.of("replay", "--bootstrap-servers", deadKafka,
                        directory), ExitCodes.INPUT, "rrr replay: no capture files in " + directory + " (left out 1 file"),
                Arguments.of("replay: unknown format", List.of("replay", "--bootstrap-servers", deadKafka, garbage),
                        ExitCodes.INPUT, "rrr replay: unknown capture format: " + garbage),
                Arguments.of("replay: unknown feed",
                        List.of("replay", "--bootstrap-servers", deadKafka, "--feed", "nosuch", capture),
                        ExitCodes.USAGE, "rrr replay: unknown feed 'nosuch' (--feed)"),
                Arguments.of("replay: negative speed",
                        List.of("replay", "--bootstrap-servers", deadKafka, "--speed", "-2", capture),
                        ExitCodes.USAGE, "rrr replay: --speed must be at least 0.0, got -2.0"),
                Arguments.of("replay: no --bootstrap-servers", List.of("replay", capture), ExitCodes.USAGE,
                        "rrr replay: Missing required option: '--bootstrap-servers=<bootstrapServers>'"),
                Arguments.of("replay: kafka down", List.of("replay", "--bootstrap-servers", deadKafka, capture),
                        ExitCodes.KAFKA, "rrr replay: Kafka does not answer at " + deadKafka),
                // job
                Arguments.of("job: unknown feed", job("--feeds", "nosuch"), ExitCodes.USAGE,
                        "rrr job: unknown feed 'nosuch' (--feeds)"),
                Arguments.of("job: negative depth", job("--depth-levels", "-3"), ExitCodes.USAGE,
                        "rrr job: --depth-levels must be at least 1, got -3"),
                Arguments.of("job: bad --from", job("--from", "soon"), ExitCodes.USAGE, "rrr job: bad --from 'soon'"),
                Arguments.of("job: --strict unbounded", job("--strict"), ExitCodes.USAGE,
                        "rrr job: --strict needs --bounded"),
                Arguments.of("job: database down", job(), ExitCodes.DATABASE,
                        "rrr job: PostgreSQL does not answer at " + deadDatabase));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("provocations")
    void oneLineAndItsExitCodeBeforeAnythingStarts(String what, List<String> args, int exitCode, String line) {
        CommandLineExecution e = CommandLineExecution.of(args);

        assertEquals(List.of(), e.stdout().lines().toList(), "stdout");
        List<String> err = e.stderr().lines().toList();
        assertEquals(1, err.size(), () -> "exactly one line on stderr, got:\n" + e.stderr());
        assertTrue(err.get(0).startsWith(line), () -> "expected a line starting with\n  " + line + "\ngot\n  " + err.get(0));
        assertEquals(exitCode, e.exitCode(), err.get(0));
        long limitMs = exitCode == ExitCodes.KAFKA ? Preflight.KAFKA_TIMEOUT_MS + 3_000 : 3_000;
        assertTrue(e.millis() < limitMs, what + " took " + e.millis() + " ms");
        assertFalse(Files.exists(tmp.resolve("kafka")), "a Kafka folder was created");
    }

    @Test
    void verbosePrintsTheStackTraceAfterTheLine() {
        CommandLineExecution e = CommandLineExecution.of(run(capture, "--verbose"));

        List<String> err = e.stderr().lines().toList();
        assertEquals(ExitCodes.DATABASE, e.exitCode());
        assertTrue(err.get(0).startsWith("rrr run: PostgreSQL does not answer at " + deadDatabase), err.get(0));
        assertTrue(err.size() > 3, e.stderr());
        assertTrue(err.get(1).startsWith(DatabaseUnavailableException.class.getName()),
                err.get(1));
        assertTrue(err.stream().anyMatch(l -> l.strip().startsWith("at io.rrralgorithms.jobs.local.LocalPipeline")),
                e.stderr());
    }

    @Test
    void helpListsTheExitCodes() {
        CommandLineExecution e = CommandLineExecution.of(List.of("run", "--help"));

        assertEquals(0, e.exitCode());
        assertTrue(e.stdout().contains("Exit codes:"), e.stdout());
        for (String code : ExitCodes.HELP.keySet()) {
            assertTrue(e.stdout().lines().anyMatch(l -> l.strip().startsWith(code + " ")), code + " in\n" + e.stdout());
        }
    }
}
