package io.rrralgorithms.jobs.scoring;

import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.models.registry.ModelChecksum;
import io.rrralgorithms.models.registry.ModelRegistry;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What an announced model must be before a scoring task loads it: anyone who can write to the
 * control topic can announce any path, and a TensorFlow graph can read and write files, so an
 * announcement is only a request. The version must be registered in {@code models} (not
 * rejected), at the announced directory, which must lie under the configured models root (after
 * resolving links); its files must have the checksum recorded at registration. Without a models
 * root or a registry every announcement is refused.
 */
public final class ModelAdmission implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String modelsRoot;
    private final PostgresTarget registry;

    /**
     * @param modelsRoot the only directory tree announced models may come from, or null (refuse all)
     * @param registry the PostgreSQL holding {@code models}, or null (refuse all)
     */
    public ModelAdmission(String modelsRoot, PostgresTarget registry) {
        this.modelsRoot = modelsRoot;
        this.registry = registry;
    }

    /** Why an announcement is not loaded. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** An admitted model: the directory to load (links resolved) and the checksum it was verified with. */
    public record Admitted(Path dir, String checksum) {}

    /** Checks {@code a} against the root, the registry and the files; the registry is asked once. */
    public Admitted admit(ModelAnnouncement a) throws Refused {
        if (modelsRoot == null) {
            throw new Refused("announcements are refused: the job has no models root (--models-root)");
        }
        if (registry == null) {
            throw new Refused("announcements are refused: the job has no model registry");
        }
        if (a.versionId == null || a.versionId.isBlank()) {
            throw new Refused("announcement without versionId");
        }
        Path dir = underRoot(a.modelDir);
        Optional<ModelRegistry.RegisteredModel> row;
        try {
            row = new ModelRegistry(registry::connect).find(a.versionId);
        } catch (SQLException e) {
            throw new Refused("the model registry cannot be read (" + e.getMessage() + ")");
        }
        if (row.isEmpty()) {
            throw new Refused("version " + a.versionId + " is not registered in models");
        }
        ModelRegistry.RegisteredModel m = row.get();
        if (ModelRegistry.REJECTED.equals(m.status())) {
            throw new Refused("version " + a.versionId + " is registered as rejected");
        }
        Path registered;
        try {
            registered = m.path().toRealPath();
        } catch (IOException e) {
            throw new Refused("the registered directory of " + a.versionId + " (" + m.path() + ") cannot be read");
        }
        if (!registered.equals(dir)) {
            throw new Refused("version " + a.versionId + " is registered at " + m.path() + ", not at " + a.modelDir);
        }
        if (m.checksum() == null) {
            throw new Refused("version " + a.versionId + " was registered without a checksum (before V6): register "
                    + "it again");
        }
        verifyFiles(dir, m.checksum());
        return new Admitted(dir, m.checksum());
    }

    /** The directory, links resolved, if it lies under the models root (a model restored from state is re-checked). */
    public Path underRoot(String modelDir) throws Refused {
        if (modelsRoot == null) {
            throw new Refused("announcements are refused: the job has no models root (--models-root)");
        }
        Path root;
        try {
            root = Path.of(modelsRoot).toRealPath();
        } catch (IOException e) {
            throw new Refused("the models root " + modelsRoot + " cannot be read on this task manager");
        }
        Path dir;
        try {
            dir = Path.of(modelDir).toRealPath();
        } catch (IOException | RuntimeException e) {
            throw new Refused("model directory " + modelDir + " cannot be read");
        }
        if (!dir.startsWith(root) || dir.equals(root)) {
            throw new Refused(modelDir + " is outside the models root " + modelsRoot);
        }
        return dir;
    }

    /** The files have {@code checksum}. */
    public static void verifyFiles(Path dir, String checksum) throws Refused {
        String actual;
        try {
            actual = ModelChecksum.of(dir);
        } catch (IOException e) {
            throw new Refused("cannot checksum " + dir + ": " + e.getMessage());
        }
        if (!actual.equals(checksum)) {
            throw new Refused("the files of " + dir + " changed since registration (checksum " + actual
                    + ", registered " + checksum + ")");
        }
    }

    @Override
    public String toString() {
        return "ModelAdmission[root=" + modelsRoot + ", registry=" + registry + "]";
    }
}
