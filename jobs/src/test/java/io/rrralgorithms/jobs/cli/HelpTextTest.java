package io.rrralgorithms.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Snapshots of {@code --help}: grouped by topic, only the options a command uses, no value wrapped mid-token. */
class HelpTextTest {
    static Stream<String> commands() {
        List<String> names = new ArrayList<>();
        collect(Rrr.commandLine(), names);
        return names.stream();
    }

    private static void collect(CommandLine cmd, List<String> names) {
        names.add(cmd.getCommandSpec().qualifiedName(" "));
        cmd.getSubcommands().values().forEach(c -> collect(c, names));
    }

    private static String help(String qualifiedName) {
        return help(qualifiedName, 100);
    }

    private static String help(String qualifiedName, int width) {
        CommandLine cmd = Rrr.commandLine();
        cmd.setUsageHelpAutoWidth(false);
        cmd.setUsageHelpWidth(width);
        String[] path = qualifiedName.split(" ");
        for (int i = 1; i < path.length; i++) {
            cmd = cmd.getSubcommands().get(path[i]);
        }
        return cmd.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** picocli formats descriptions: an unescaped % ("in % of the capital") prints a warning instead of the text. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void helpRendersWithoutPicocliWarnings(String command) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            help(command);
        } finally {
            System.setErr(err);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8), command);
    }

    /**
     * A description line that ends inside a number, a URL or a device name ({@code 127.0.0.1:} /
     * {@code 5432}, {@code /GPU:} / {@code 0}) and its continuation starting with the rest.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void noValueIsWrappedMidToken(String command) {
        noValueIsWrappedMidToken(command, 100); // without a terminal
        noValueIsWrappedMidToken(command, 80); // a terminal of the classic width
    }

    private static void noValueIsWrappedMidToken(String command, int width) {
        List<String> lines = help(command, width).lines().toList();
        for (int i = 1; i < lines.size(); i++) {
            String prev = lines.get(i - 1);
            String line = lines.get(i);
            boolean continuation = line.startsWith("          ") && prev.startsWith(" ");
            String lastToken = prev.substring(prev.lastIndexOf(' ') + 1); // "127.0.0.1:", "/GPU:", not "Unset:"
            boolean splitValue = lastToken.matches(".*[0-9/].*") && lastToken.matches(".*[0-9.:,/=]$");
            assertFalse(continuation && splitValue && line.strip().matches("^[0-9].*"),
                    () -> command + " --help at " + width + " columns wraps a value:\n" + prev + "\n" + line);
        }
    }

    @Test
    void migrateAndTrainListNoJdbcBatching() {
        for (String command : List.of("rrr migrate", "rrr train", "rrr retrain", "rrr paper-report")) {
            String help = help(command);
            assertFalse(help.contains("--jdbc-batch"), command + ":\n" + help);
            assertTrue(help.contains("--jdbc-url"), command + ":\n" + help);
        }
        assertTrue(help("rrr run").contains("--jdbc-batch-size"));
        assertTrue(help("rrr job").contains("--jdbc-batch-interval-ms"));
    }

    @Test
    void runGroupsItsOptionsByTopic() {
        List<String> headings = help("rrr run").lines().filter(l -> l.matches("[A-Z][A-Za-z ]+:")).toList();
        assertEquals(List.of("Sources:", "Kafka:", "PostgreSQL:", "Job:", "Scoring:", "Paper trading:", "Risk:",
                "Options:", "Exit codes:"), headings);
        String help = help("rrr run");
        int kafka = help.indexOf("\nKafka:\n");
        int postgres = help.indexOf("\nPostgreSQL:\n");
        String kafkaSection = help.substring(kafka, postgres);
        assertTrue(kafkaSection.contains("--kafka-port") && kafkaSection.contains("--bootstrap-servers"), kafkaSection);
        assertFalse(kafkaSection.contains("--jdbc-url"), kafkaSection);
    }
}
