package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.jobs.config.ConfigCatalog;
import java.util.ListResourceBundle;
import org.apache.flink.configuration.ConfigOption;

/**
 * The descriptions of the command-line options that set a job setting: an option whose
 * {@code descriptionKey} is a configuration key shows that {@link ConfigOption}'s description, so
 * the text lives once, beside the key and the default.
 */
public final class ConfigDescriptions extends ListResourceBundle {
    /** What {@code @Command(resourceBundle = …)} names. */
    public static final String BUNDLE = "io.rrralgorithms.jobs.cli.ConfigDescriptions";

    @Override
    protected Object[][] getContents() {
        return ConfigCatalog.all().stream()
                // picocli formats descriptions (String.format): a literal % ("in % of the capital") is %%
                .map(o -> new Object[] {o.key(), ConfigCatalog.description(o).replace("%", "%%")})
                .toArray(Object[][]::new);
    }
}
