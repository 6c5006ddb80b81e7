package io.rrralgorithms.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.config.ConfigCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.configuration.ConfigOption;
import org.junit.jupiter.api.Test;

/** {@code docs/configuration.md} is what {@link ConfigurationReference} generates today. */
class ConfigurationReferenceTest {
    @Test
    void theCommittedReferenceIsUpToDate() throws Exception {
        Path file = repoRoot().resolve("docs/configuration.md");
        String generated = ConfigurationReference.render();
        if (Boolean.getBoolean("rrr.regenerate-docs")) {
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertEquals(generated, committed, "docs/configuration.md is out of date; regenerate it with: "
                + ConfigurationReference.REGENERATE);
    }

    @Test
    void everySettingIsDescribedInTheReference() {
        String reference = ConfigurationReference.render();
        for (ConfigOption<?> option : ConfigCatalog.all()) {
            assertTrue(!ConfigCatalog.description(option).isBlank(), option.key() + " has no description");
            assertTrue(reference.contains("| `" + option.key() + "` |"), option.key() + " is not in the reference");
        }
    }

    /** The repository root (the tests run in jobs/). */
    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("docs"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new AssertionError("no repository root (with docs/) above " + Path.of("").toAbsolutePath());
        }
        return p;
    }
}
