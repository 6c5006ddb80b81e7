package io.rrralgorithms.jobs.scoring;

import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.models.registry.ModelDirectory;
import io.rrralgorithms.models.registry.ModelMetadata;
import io.rrralgorithms.models.registry.ModelRegistry;
import io.rrralgorithms.models.spec.FeatureSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Tiny but real model directories for tests, independent of the trainer: a SavedModel computing
 * {@code score = w·x + b} on the raw spec inputs, exported with TensorFlow Java, plus its
 * {@code rrr-model.json}.
 */
public final class TestModels {
    private TestModels() {}

    /** A linear model of the given weights (one per spec input) for {@code spec}. */
    public static Path linear(Path dir, String versionId, FeatureSpec spec, float[] w, float b) throws IOException {
        if (w.length != spec.size()) {
            throw new IllegalArgumentException("need " + spec.size() + " weights");
        }
        Path saved = ModelDirectory.savedModel(dir);
        Files.createDirectories(dir);
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.withName(ModelDirectory.INPUT).placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, spec.size())));
            float[][] wm = new float[w.length][1];
            for (int i = 0; i < w.length; i++) {
                wm[i][0] = w[i];
            }
            var y = tf.withName(ModelDirectory.OUTPUT).math.add(tf.linalg.matMul(x, tf.constant(wm)), tf.constant(b));
            Signature sig = Signature.builder().key(ModelDirectory.SIGNATURE).input(ModelDirectory.INPUT, x)
                    .output(ModelDirectory.OUTPUT, y).build();
            SavedModelBundle.exporter(saved.toString()).withTags(ModelDirectory.TAG)
                    .withFunction(SessionFunction.create(sig, s)).export();
        }
        ModelDirectory.writeMetadata(dir, metadata(versionId, spec.id(), spec));
        return dir;
    }

    /** The weights the tests use for a version: distinct per version, so scores tell versions apart. */
    public static float[] weights(FeatureSpec spec, int seed) {
        float[] w = new float[spec.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((i + 1) * 0.01 * seed);
        }
        return w;
    }

    /** Score of the linear model on one raw input vector (float arithmetic, as the graph). */
    public static double expected(float[] x, float[] w, float b) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (double) x[i] * w[i];
        }
        return s + b;
    }

    /** A valid model whose metadata claims another feature spec. */
    public static Path otherSpec(Path dir, String versionId, FeatureSpec spec) throws IOException {
        linear(dir, versionId, spec, new float[spec.size()], 0f);
        ModelDirectory.writeMetadata(dir, metadata(versionId, "features-v0-00000000", spec));
        return dir;
    }

    /** Metadata that says all is well, and a SavedModel that is garbage. */
    public static Path corrupt(Path dir, String versionId, FeatureSpec spec) throws IOException {
        Path saved = ModelDirectory.savedModel(dir);
        Files.createDirectories(saved.resolve("variables"));
        Files.writeString(saved.resolve("saved_model.pb"), "this is not a protocol buffer", StandardCharsets.UTF_8);
        ModelDirectory.writeMetadata(dir, metadata(versionId, spec.id(), spec));
        return dir;
    }

    /** Registers the model of {@code dir} as a candidate (with the checksum of its files); returns {@code dir}. */
    public static Path register(PostgresTarget registry, Path dir) throws IOException, SQLException {
        new ModelRegistry(registry::connect).insertCandidate(ModelDirectory.readMetadata(dir), dir);
        return dir;
    }

    static ModelMetadata metadata(String versionId, String specId, FeatureSpec spec) {
        ModelMetadata m = new ModelMetadata();
        m.versionId = versionId;
        m.specId = specId;
        m.inputNames = spec.inputNames();
        m.horizonSeconds = 10;
        m.dataSource = "test";
        m.createdAt = Instant.now().toString();
        return m;
    }
}
