package io.rrralgorithms.models.training;

import io.rrralgorithms.models.registry.ModelDirectory;
import io.rrralgorithms.models.registry.ModelMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.tensorflow.SavedModelBundle;

/**
 * Writes a trained model as a model directory ({@link ModelDirectory}): the SavedModel of the
 * training graph with tag {@code serve} and the {@code serving_default} signature (input {@code
 * features}: raw spec inputs, output {@code score}; normalization inside the graph), and {@code
 * rrr-model.json}. The version id is {@code m-<yyyyMMdd-HHmmss UTC>-<8 hex of the weights' hash>}.
 */
public final class ModelExporter {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private ModelExporter() {}

    /** Exports under {@code modelsDir/<version id>}; sets the metadata's version id and creation time. */
    public static Path export(TrainedModel model, ModelMetadata metadata, Path modelsDir, Instant now)
            throws IOException {
        String base = "m-" + STAMP.format(now) + "-" + model.weightsHash();
        String id = base;
        for (int k = 2; Files.exists(modelsDir.resolve(id)); k++) {
            id = base + "-" + k;
        }
        Path dir = modelsDir.resolve(id);
        Files.createDirectories(dir);
        metadata.versionId = id;
        metadata.createdAt = now.toString();
        SavedModelBundle.exporter(ModelDirectory.savedModel(dir).toString())
                .withTags(ModelDirectory.TAG)
                .withFunction(model.servingFunction())
                .export();
        ModelDirectory.writeMetadata(dir, metadata);
        return dir;
    }
}
