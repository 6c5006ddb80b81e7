package io.rrralgorithms.jobs.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root (the tests run in jobs/). */
final class RepoFiles {
    private RepoFiles() {}

    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.isDirectory(p.resolve("helm")) && Files.isDirectory(p.resolve("docker")))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new AssertionError("no repository root (with helm/ and docker/) above " + Path.of("").toAbsolutePath());
        }
        return p;
    }
}
