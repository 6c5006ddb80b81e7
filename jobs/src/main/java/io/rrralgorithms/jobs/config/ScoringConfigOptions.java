package io.rrralgorithms.jobs.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

/** Scoring settings of the job: keys, defaults, descriptions ({@link io.rrralgorithms.jobs.scoring.ScoringOptions} reads them). */
public final class ScoringConfigOptions {
    private ScoringConfigOptions() {}

    public static final ConfigOption<Boolean> ENABLED = key("rrr.scoring.enabled").booleanType().noDefaultValue()
            .withDescription("score the features with a model. Unset: on when a model directory or a control topic "
                    + "is given");

    public static final ConfigOption<String> MODEL_DIR = key("rrr.scoring.model-dir").stringType().noDefaultValue()
            .withDescription("model directory (saved_model/ + rrr-model.json) to score with from the start; turns "
                    + "scoring on. Unset: no model until one is announced on the control topic");

    public static final ConfigOption<String> CONTROL_TOPIC = key("rrr.scoring.control-topic").stringType()
            .defaultValue("rrr.control.models")
            .withDescription("Kafka topic of model announcements (rrr announce-model); given, it turns scoring on");

    public static final ConfigOption<String> MODELS_ROOT = key("rrr.scoring.models-root").stringType()
            .noDefaultValue().withDescription("announced models are loaded only from under this directory, when "
                    + "registered in the models table with the checksum of their files. Unset: every announcement is "
                    + "refused (the model directory is not affected)");

    public static final ConfigOption<Integer> BATCH_SIZE = key("rrr.scoring.batch-size").intType().defaultValue(64)
            .withDescription("rows scored in one TensorFlow call at most");

    public static final ConfigOption<Long> LATENCY_BUDGET_MS = key("rrr.scoring.latency-budget-ms").longType()
            .defaultValue(500L).withDescription("a row waits for its batch at most this long in event time (watermark)");

    public static final ConfigOption<String> TF_DEVICE = key("rrr.scoring.tf-device").stringType().noDefaultValue()
            .withDescription("TensorFlow device for scoring (unset: TensorFlow's choice), such as /CPU:0 or /GPU:0");

    public static final ConfigOption<String> SPEC_VERSION = key("rrr.scoring.spec-version").stringType()
            .noDefaultValue().withDescription("only serve models of this feature spec (v1, v2; unset: each model's "
                    + "own spec)");

    /** Explicitly on or off, else on where a model directory or a control topic is set. */
    public static boolean enabled(ReadableConfig config) {
        return config.getOptional(ENABLED)
                .orElseGet(() -> config.getOptional(MODEL_DIR).isPresent() || config.getOptional(CONTROL_TOPIC).isPresent());
    }
}
