package io.rrralgorithms.models.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a model is: stored as {@code rrr-model.json} beside its SavedModel and as a row of the
 * {@code models} table.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelMetadata {
    public String versionId;
    /** {@link io.rrralgorithms.models.spec.FeatureSpec#id()} the model was trained on. */
    public String specId;
    public List<String> inputNames = new ArrayList<>();
    /** Label: log mid return over this horizon in event time. */
    public int horizonSeconds;
    public long trainFromMs;
    public long trainToMs;
    /** Start and end (exclusive) of the test slice, in event time. */
    public long testFromMs;
    public long testToMs;
    public String dataSource;
    public List<String> instruments = new ArrayList<>();
    public int trainRows;
    public int validationRows;
    public int testRows;
    /** Normalization fitted on the training slice (also baked into the graph). */
    public float[] inputMean;
    public float[] inputStd;
    /** {@code mlp} (also when absent: spec v1 models), {@code ridge}, {@code shrunk} or {@code tcn}. */
    public String modelKind;
    /**
     * Rows the model sees per score: the latest {@code window} scorable rows of the instrument,
     * oldest first, flattened into the graph's input (absent: 1, the row alone).
     */
    public Integer window;
    /**
     * Per-instrument z-scores of the raw spec inputs (fitted on train), applied before the graph;
     * key {@code *} for instruments not trained on. Absent (spec v1 models): the graph gets the raw
     * inputs.
     */
    public Map<String, float[]> instrumentMean;
    public Map<String, float[]> instrumentStd;
    /**
     * Per-instrument label mean and std (fitted on train) of a model trained on per-instrument
     * standardized labels ({@code shrunk}): the graph gets them as two input columns after the
     * window's inputs and returns scores in each instrument's label units. Absent: no such columns.
     */
    public Map<String, Float> instrumentLabelMean;
    public Map<String, Float> instrumentLabelStd;
    /** Trainable parameters, and the training wall time in seconds. */
    public Integer parameters;
    public Double trainSeconds;
    public Map<String, Object> hyperparameters = new LinkedHashMap<>();
    /** Test-slice metrics of the model and of the baselines. */
    public Map<String, Double> metrics = new LinkedHashMap<>();
    public String createdAt;
    public String signatureKey = ModelDirectory.SIGNATURE;
    public String inputName = ModelDirectory.INPUT;
    public String outputName = ModelDirectory.OUTPUT;
}
