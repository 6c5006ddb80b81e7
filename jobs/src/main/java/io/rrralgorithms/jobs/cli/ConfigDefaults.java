package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.jobs.config.ConfigCatalog;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of the command-line options that set a job setting (their {@code descriptionKey}
 * is its configuration key): the {@link org.apache.flink.configuration.ConfigOption}'s default, the
 * one place it is written. picocli shows it in the help; other options keep their own.
 */
public final class ConfigDefaults implements IDefaultValueProvider {
    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option) || option.descriptionKey() == null) {
            return null;
        }
        return ConfigCatalog.byKey(option.descriptionKey()).flatMap(ConfigCatalog::defaultValue).orElse(null);
    }
}
