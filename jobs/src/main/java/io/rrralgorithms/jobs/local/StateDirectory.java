package io.rrralgorithms.jobs.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * The {@code --state-dir} of a local run: what a rerun of the same command resumes from. It holds
 * the embedded broker's log ({@code kafka/}), the retained checkpoints ({@code checkpoints/}), the
 * savepoints of Ctrl-C ({@code savepoints/}) and the record of the last run ({@code run.properties}:
 * its id, inputs and how it ended; {@code running} when the process died).
 */
final class StateDirectory {
    static final String RUNNING = "running";
    static final String FINISHED = "finished";

    /** The last run started in this directory. */
    record LastRun(UUID runId, String status, List<String> inputs) {}

    private final Path dir;

    StateDirectory(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir.toAbsolutePath().normalize());
    }

    Path kafka() {
        return dir.resolve("kafka");
    }

    Path checkpoints() {
        return dir.resolve("checkpoints");
    }

    Path savepoints() {
        return dir.resolve("savepoints");
    }

    Optional<LastRun> lastRun() throws IOException {
        Path f = dir.resolve("run.properties");
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String inputs = p.getProperty("inputs", "");
        return Optional.of(new LastRun(UUID.fromString(p.getProperty("run_id")), p.getProperty("status"),
                inputs.isEmpty() ? List.of() : List.of(inputs.split("\n"))));
    }

    /** Written to a temporary file and moved over the old one: a kill leaves the old or the new record. */
    void record(UUID runId, String status, List<String> inputs) throws IOException {
        Properties p = new Properties();
        p.setProperty("run_id", runId.toString());
        p.setProperty("status", status);
        p.setProperty("inputs", String.join("\n", inputs));
        Path tmp = dir.resolve("run.properties.tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "the last rrr run in this directory");
        }
        Files.move(tmp, dir.resolve("run.properties"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
