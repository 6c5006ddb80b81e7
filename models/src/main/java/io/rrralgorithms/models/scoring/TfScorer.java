package io.rrralgorithms.models.scoring;

import io.rrralgorithms.models.registry.ModelDirectory;
import io.rrralgorithms.models.registry.ModelMetadata;
import io.rrralgorithms.models.spec.FeatureSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * A loaded model version: the SavedModel's serving signature, scoring a batch of raw spec input
 * vectors in one session call. Refuses a model trained on another feature spec.
 */
public final class TfScorer implements AutoCloseable {
    private final ModelMetadata metadata;
    private final FeatureSpec spec;
    private final SavedModelBundle bundle;
    private final SessionFunction function;
    private final int width;

    private TfScorer(ModelMetadata metadata, FeatureSpec spec, SavedModelBundle bundle, SessionFunction function) {
        this.metadata = metadata;
        this.spec = spec;
        this.bundle = bundle;
        this.function = function;
        this.width = metadata.inputNames.size() * (metadata.window == null ? 1 : metadata.window)
                + (metadata.instrumentLabelMean == null ? 0 : 2);
    }

    /** Loads a model of any feature spec this build computes (its own, from its metadata). */
    public static TfScorer loadAnySpec(Path dir, String device) throws ModelLoadException {
        ModelMetadata m = metadataOf(dir);
        FeatureSpec spec;
        try {
            spec = FeatureSpec.byId(m.specId);
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException("model " + m.versionId + ": " + e.getMessage() + "; retrain it on a current spec",
                    e);
        }
        return load(dir, spec, device);
    }

    private static ModelMetadata metadataOf(Path dir) throws ModelLoadException {
        try {
            return ModelDirectory.readMetadata(dir);
        } catch (IOException e) {
            throw new ModelLoadException("model at " + dir + " has no readable metadata: " + e.getMessage(), e);
        }
    }

    /** Loads on the CPU with TensorFlow's default threading. */
    public static TfScorer load(Path dir, FeatureSpec expected) throws ModelLoadException {
        return load(dir, expected, null);
    }

    /**
     * @param device null for TensorFlow's default placement, or e.g. {@code "/GPU:0"} / {@code "/CPU:0"}:
     *     restricts the session to that device type's visible devices
     */
    public static TfScorer load(Path dir, FeatureSpec expected, String device) throws ModelLoadException {
        ModelMetadata m = metadataOf(dir);
        if (!expected.id().equals(m.specId)) {
            throw new ModelLoadException("model " + m.versionId + " was trained on feature spec " + m.specId
                    + " but this job computes " + expected.id() + "; retrain it on the current spec");
        }
        if (!expected.inputNames().equals(m.inputNames)) {
            throw new ModelLoadException("model " + m.versionId + " inputs " + m.inputNames + " differ from the spec's "
                    + expected.inputNames());
        }
        Path saved = ModelDirectory.savedModel(dir);
        if (!Files.isDirectory(saved)) {
            throw new ModelLoadException("model " + m.versionId + " has no SavedModel at " + saved);
        }
        SavedModelBundle bundle = null;
        try {
            SavedModelBundle.Loader loader = SavedModelBundle.loader(saved.toString()).withTags(ModelDirectory.TAG);
            if (device != null) {
                loader = loader.withConfigProto(configFor(device));
            }
            bundle = loader.load();
            SessionFunction fn = bundle.function(m.signatureKey);
            TfScorer scorer = new TfScorer(m, expected, bundle, fn);
            scorer.score(new float[1][scorer.width]); // fail now, not on the first row, if the graph is broken
            return scorer;
        } catch (RuntimeException e) {
            if (bundle != null) {
                bundle.close();
            }
            throw new ModelLoadException("model " + m.versionId + " at " + saved + " cannot be loaded: " + e.getMessage(), e);
        }
    }

    private static ConfigProto configFor(String device) {
        ConfigProto.Builder c = ConfigProto.newBuilder().setAllowSoftPlacement(true);
        if (device.toUpperCase(Locale.ROOT).contains("CPU")) {
            c.putDeviceCount("GPU", 0);
        } else {
            int colon = device.lastIndexOf(':');
            String index = colon >= 0 ? device.substring(colon + 1) : "0";
            c.setGpuOptions(c.getGpuOptionsBuilder().setVisibleDeviceList(index).setAllowGrowth(true));
        }
        return c.build();
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    public String versionId() {
        return metadata.versionId;
    }

    /** The feature spec the model was trained on. */
    public FeatureSpec spec() {
        return spec;
    }

    /** Graph input width: the spec's inputs × the model's window (+ 2 label columns where the model has them). */
    public int width() {
        return width;
    }

    /** A fresh stream of this model's inputs ({@link ModelInputs}): per-instrument normalization and window. */
    public ModelInputs inputs() {
        return ModelInputs.of(spec, metadata);
    }

    /**
     * Scores {@code rows} graph inputs (each {@link #width()} wide: for spec v1 models the raw spec
     * vector, otherwise what {@link ModelInputs#next} returns); one score per row.
     */
    public float[] score(float[][] rows) {
        int n = rows.length;
        float[] flat = new float[n * width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        try (TFloat32 input = TFloat32.tensorOf(Shape.of(n, width), DataBuffers.of(flat, true, false));
                var result = function.call(Map.of(metadata.inputName, input))) {
            Tensor out = result.get(metadata.outputName)
                    .orElseThrow(() -> new IllegalStateException("no output '" + metadata.outputName + "'"));
            TFloat32 scores = (TFloat32) out;
            float[] s = new float[n];
            for (int i = 0; i < n; i++) {
                s[i] = scores.getFloat(i, 0);
            }
            return s;
        }
    }

    @Override
    public void close() {
        bundle.close();
    }
}
