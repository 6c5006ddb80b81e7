package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.jobs.config.ConfigCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Writes {@code docs/configuration.md}: every job setting (key, default, command-line option,
 * description) from the {@link ConfigOption}s, then every {@code rrr} subcommand's options from the
 * picocli model. Generated, never edited: {@code ConfigurationReferenceTest} fails when the
 * committed file differs and names the command that rewrites it.
 */
public final class ConfigurationReference {
    /** What rewrites the committed file (the test runs this class with the property set). */
    public static final String REGENERATE = "mvn -B -ntp -q -o -pl jobs -am verify -Dtest=ConfigurationReferenceTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Drrr.regenerate-docs=true";

    private ConfigurationReference() {}

    public static String render() {
        CommandLine rrr = Rrr.commandLine();
        StringBuilder md = new StringBuilder();
        md.append("# Configuration and command-line reference\n\n")
                .append("Generated from the ConfigOptions in `jobs/src/main/java/io/rrralgorithms/jobs/config` and the ")
                .append("`rrr` command line by `ConfigurationReference`: do not edit by hand. To regenerate:\n\n")
                .append("```\n").append(REGENERATE).append("\n```\n\n");
        md.append("## Job settings\n\n")
                .append("`rrr run` and `rrr job` take each setting as its option, or by its key as `-D KEY=VALUE`; on a ")
                .append("cluster `flink run -D KEY=VALUE` and `config.yaml` set the same keys (the options given win ")
                .append("over `-D`, which wins over the cluster's configuration). Lists are `a;b` in a key, `a,b` as an ")
                .append("option; maps `k1:v1,k2:v2` in a key, `k1=v1,k2=v2` as an option.\n\n")
                .append("| Key | Default | Option | Description |\n|---|---|---|---|\n");
        Map<String, String> optionOfKey = optionsByKey(rrr.getSubcommands().get("run").getCommandSpec());
        for (ConfigOption<?> option : ConfigCatalog.all()) {
            md.append("| `").append(option.key()).append("` | ")
                    .append(ConfigCatalog.defaultValue(option).map(d -> "`" + d + "`").orElse("")).append(" | ")
                    .append(optionOfKey.containsKey(option.key()) ? "`" + optionOfKey.get(option.key()) + "`" : "")
                    .append(" | ").append(cell(ConfigCatalog.description(option))).append(" |\n");
        }
        md.append("\n## Commands\n");
        for (CommandLine sub : rrr.getSubcommands().values()) {
            command(md, "rrr " + sub.getCommandName(), sub);
        }
        return md.toString();
    }

    private static void command(StringBuilder md, String name, CommandLine cmd) {
        CommandSpec spec = cmd.getCommandSpec();
        md.append("\n### ").append(name).append("\n\n");
        for (String line : spec.usageMessage().description()) {
            md.append(line).append("\n\n");
        }
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.usageHelp() && !o.versionHelp()).toList();
        if (!options.isEmpty()) {
            md.append("| Option | Default | Key | Description |\n|---|---|---|---|\n");
            for (OptionSpec o : options) {
                String key = o.descriptionKey() != null && ConfigCatalog.byKey(o.descriptionKey()).isPresent()
                        ? "`" + o.descriptionKey() + "`" : "";
                String dflt = o.defaultValueString();
                md.append("| `").append(o.negatable() ? "--[no-]" + o.longestName().substring(2)
                                : String.join(", ", o.names()))
                        .append(o.typeInfo().isBoolean() ? "" : " " + o.paramLabel()).append("` | ")
                        .append(dflt == null || dflt.isEmpty() || "null".equals(dflt) ? "" : "`" + dflt + "`")
                        .append(" | ").append(key).append(" | ")
                        .append(cell(String.join(" ", o.description()))).append(" |\n");
            }
        }
        for (CommandLine sub : cmd.getSubcommands().values()) {
            command(md, name + " " + sub.getCommandName(), sub);
        }
    }

    /** The longest name of each option that sets a job setting, by the setting's key. */
    private static Map<String, String> optionsByKey(CommandSpec spec) {
        Map<String, String> out = new HashMap<>();
        for (OptionSpec o : spec.options()) {
            if (o.descriptionKey() != null && ConfigCatalog.byKey(o.descriptionKey()).isPresent()) {
                out.put(o.descriptionKey(), o.longestName());
            }
        }
        return out;
    }

    /** Text in a Markdown table cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Writes the reference to {@code args[0]} (default: docs/configuration.md). */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "docs/configuration.md");
        Files.writeString(target, render(), StandardCharsets.UTF_8);
    }
}
