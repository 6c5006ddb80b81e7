package io.rrralgorithms.connectors.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The recorded exchange data (never copied into the repository): {@code -Drrr.shared.data} (the
 * root pom sets it), else {@code ../shared/data} or {@code ../../shared/data} from the module.
 */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("rrr.shared.data");
        if (prop != null && !prop.isBlank()) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("../shared/data"));
        candidates.add(Path.of("../../shared/data"));
        for (Path p : candidates) {
            if (Files.isDirectory(p.resolve("market"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("shared data folder not found; tried " + candidates
                + " (set -Drrr.shared.data=...)");
    }

    /** {@code market/<relative>}; the file must exist. */
    public static Path market(String relative) {
        Path p = root().resolve("market").resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("missing shared data file " + p);
        }
        return p;
    }

    /** The cryptofeed capture {@code market/cryptofeed/<name>}. */
    public static Path cryptofeed(String name) {
        return market("cryptofeed/" + name);
    }
}
