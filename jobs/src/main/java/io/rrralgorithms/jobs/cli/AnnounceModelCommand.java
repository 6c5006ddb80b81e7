package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.jobs.scoring.ModelAnnouncement;
import io.rrralgorithms.jobs.scoring.ModelControl;
import io.rrralgorithms.models.registry.ModelDirectory;
import io.rrralgorithms.models.registry.ModelMetadata;
import io.rrralgorithms.models.spec.FeatureSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Announces a model version on the control topic: every running scoring job loads it and scores
 * with it from then on, without a restart (or keeps its model and reports {@code load_failed}).
 */
@Command(name = "announce-model", mixinStandardHelpOptions = true, resourceBundle = ConfigDescriptions.BUNDLE,
        defaultValueProvider = ConfigDefaults.class,
        description = "Announce a model version on the control topic: running jobs load it and score with it from then "
                + "on (hot swap, no restart). The directory must be readable by every task manager, lie under the "
                + "job's --models-root and be registered in models (rrr train) with unchanged files: else the job "
                + "refuses it and reports it as a refused model event.")
public class AnnounceModelCommand implements Callable<Integer> {
    @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers")
    String bootstrapServers;

    @Option(names = "--model-dir", required = true, description = "model directory (saved_model/ + rrr-model.json)")
    Path modelDir;

    @Option(names = "--control-topic", descriptionKey = "rrr.scoring.control-topic")
    String controlTopic;

    @Option(names = "--version-id", description = "version to announce (unset: the versionId of the directory's "
            + "rrr-model.json; the job refuses a directory holding another version)")
    String versionId;

    @Option(names = "--force", description = "announce even when the metadata is unreadable or of another feature spec "
            + "(the jobs will refuse it and report load_failed)")
    boolean force;

    @Mixin
    KafkaOptions kafka;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws IOException {
        Path dir = modelDir.toAbsolutePath().normalize();
        String version = versionId;
        try {
            ModelMetadata m = ModelDirectory.readMetadata(dir);
            if (version == null) {
                version = m.versionId;
            }
            boolean known = FeatureSpec.V1.id().equals(m.specId) || FeatureSpec.V2.id().equals(m.specId);
            if (!known && !force) {
                err.println("rrr announce-model: model " + m.versionId + " was trained on feature spec " + m.specId
                        + " but the job computes " + FeatureSpec.V1.id() + " and " + FeatureSpec.V2.id()
                        + " (--force to announce it anyway)");
                return 2;
            }
        } catch (IOException e) {
            if (!force || version == null) {
                err.println("rrr announce-model: " + e.getMessage()
                        + (force ? " (--version-id is needed then)" : " (--force to announce it anyway)"));
                return 2;
            }
        }
        ModelAnnouncement a = new ModelAnnouncement(version, dir.toString(), System.currentTimeMillis());
        ModelControl.announce(bootstrapServers, kafka.properties(), controlTopic, a);
        out.println("announced on " + controlTopic + ": " + new String(a.toJson(), StandardCharsets.UTF_8));
        return 0;
    }
}
