package io.rrralgorithms.models.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The on-disk layout of a model version: {@code <dir>/saved_model/} (TensorFlow SavedModel,
 * tag {@code serve}, signature {@value #SIGNATURE}: input {@value #INPUT} float32 [batch, n] of
 * raw spec inputs, output {@value #OUTPUT} float32 [batch, 1]) and {@code <dir>/rrr-model.json}.
 */
public final class ModelDirectory {
    public static final String SIGNATURE = "serving_default";
    public static final String INPUT = "features";
    public static final String OUTPUT = "score";
    public static final String TAG = "serve";
    public static final String SAVED_MODEL = "saved_model";
    public static final String METADATA = "rrr-model.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelDirectory() {}

    public static Path savedModel(Path dir) {
        return dir.resolve(SAVED_MODEL);
    }

    public static ModelMetadata readMetadata(Path dir) throws IOException {
        Path f = dir.resolve(METADATA);
        if (!Files.isRegularFile(f)) {
            throw new IOException("no " + METADATA + " in " + dir);
        }
        return JSON.readValue(f.toFile(), ModelMetadata.class);
    }

    public static void writeMetadata(Path dir, ModelMetadata m) throws IOException {
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve(METADATA).toFile(), m);
    }

    public static String toJson(ModelMetadata m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
