package io.rrralgorithms.jobs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The recorded exchange data in ../shared/data (never copied into the repository). */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        String prop = System.getProperty("rrr.shared.data");
        Path p = prop != null ? Path.of(prop) : Path.of("../shared/data");
        if (!Files.isDirectory(p)) {
            p = Path.of("../../shared/data");
        }
        assertTrue(Files.isDirectory(p), "shared data not found at " + p.toAbsolutePath());
        return p.toAbsolutePath().normalize();
    }

    public static Path market(String relative) {
        return root().resolve("market").resolve(relative);
    }
}
