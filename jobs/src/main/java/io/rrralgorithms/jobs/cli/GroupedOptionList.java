package io.rrralgorithms.jobs.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The option list of {@code --help} by topic (sources, Kafka, PostgreSQL, job, scoring, paper
 * trading, risk, then the general ones), each under its heading, sorted by name. A renderer rather
 * than {@code @ArgGroup}s: the options stay plain fields of their mixins (JobArguments reads them by
 * their configuration keys), and the topic follows from the key or the name.
 */
final class GroupedOptionList implements IHelpSectionRenderer {
    static final List<String> TOPICS = List.of("Sources", "Kafka", "PostgreSQL", "Job", "Scoring", "Paper trading",
            "Risk", "Options");

    private static final Set<String> SOURCES = Set.of("--feed", "--feeds", "--speed", "--pace", "--max-pause",
            "--capture-config", "--from", "--to", "--replay");
    private static final Set<String> KAFKA = Set.of("--bootstrap-servers", "--kafka-port", "--kafka-dir",
            "--partitions", "--kafka-property", "--kafka-properties", "--topic-prefix", "--group-id", "--resync-topic");
    private static final Set<String> JOB = Set.of("-D", "--parallelism", "--checkpoint-interval-ms", "--checkpoint-dir",
            "--restart-attempts", "--restart-initial-backoff-ms", "--restart-max-backoff-ms",
            "--tolerable-checkpoint-failures", "--web-port", "--prometheus-port", "--state-dir", "--savepoint-dir",
            "--unbounded", "--bounded", "--strict", "--keep-ui", "--resume", "--no-migrate");

    /** Installs the grouped list on the command and its subcommands. */
    static void install(CommandLine cmd) {
        cmd.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                new GroupedOptionList());
        cmd.getSubcommands().values().forEach(GroupedOptionList::install);
    }

    static String topic(OptionSpec o) {
        String name = o.longestName();
        String key = o.descriptionKey() == null ? "" : o.descriptionKey();
        if (name.startsWith("--jdbc-") || name.equals("--schema")) {
            return "PostgreSQL";
        }
        if (KAFKA.contains(name)) {
            return "Kafka";
        }
        if (SOURCES.contains(name)) {
            return "Sources";
        }
        if (key.startsWith("rrr.scoring.")) {
            return "Scoring";
        }
        if (key.startsWith("rrr.trading.")) {
            return "Paper trading";
        }
        if (key.startsWith("rrr.risk.")) {
            return "Risk";
        }
        if (JOB.contains(name) || key.startsWith("rrr.source.") || key.startsWith("rrr.book.")
                || key.startsWith("rrr.watermark.")) {
            return "Job";
        }
        return "Options";
    }

    @Override
    public String render(Help help) {
        Map<String, List<OptionSpec>> byTopic = new LinkedHashMap<>();
        TOPICS.forEach(t -> byTopic.put(t, new ArrayList<>()));
        for (OptionSpec o : help.commandSpec().options()) {
            if (!o.hidden()) {
                byTopic.get(topic(o)).add(o);
            }
        }
        boolean headings = byTopic.values().stream().filter(l -> !l.isEmpty()).count() > 1;
        StringBuilder b = new StringBuilder();
        byTopic.forEach((topic, options) -> {
            if (options.isEmpty()) {
                return;
            }
            options.sort(Comparator.comparing(o -> o.longestName().replaceFirst("^-+(no-)?", "")));
            if (headings) {
                b.append(b.length() == 0 ? "" : "\n").append(topic).append(":\n");
            }
            Help.Layout layout = help.createDefaultLayout();
            for (OptionSpec o : options) {
                layout.addOption(o, help.parameterLabelRenderer());
            }
            b.append(layout);
        });
        return b.toString();
    }
}
