package io.rrralgorithms.models.training;

import java.util.List;

/**
 * What early stopping saw: per epoch the train loss (scaled labels) and the validation MSE (label
 * units); the best epoch's weights are the model's.
 */
public record TrainingHistory(int epochsRun, int bestEpoch, double bestValidationMse, List<Double> trainLoss,
        List<Double> validationMse) {}
