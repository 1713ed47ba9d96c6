package org.mlaan.lab.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The optimiser and schedule of a run. Defaults are the CIFAR-10 row of ALGORITHMS.md Part B §7
 * (SGD, Nesterov, momentum 0.9, weight decay 1e-4, cosine with a 10-epoch warm-up), except the
 * batch and learning rate, which default to the STL-10 row's 128 and 0.1 so that a laptop can run
 * them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingConfig(
        @JsonPropertyDescription("passes over the training set (default 400, as the papers)")
        Integer epochs,
        @JsonPropertyDescription("images per step (default 128)")
        Integer batchSize,
        @JsonPropertyDescription("peak learning rate lr0 (default 0.1)")
        Double learningRate,
        @JsonPropertyDescription("SGD momentum (default 0.9)")
        Double momentum,
        @JsonPropertyDescription("Nesterov momentum with PyTorch semantics (default true)")
        Boolean nesterov,
        @JsonPropertyDescription("L2 weight decay added to every trainable gradient (default 1e-4)")
        Double weightDecay,
        @JsonPropertyDescription("cosine | step | constant | cosine-imagenet (default cosine; step = x0.1 at epochs 80 and 120;"
                + " cosine-imagenet = 0-based cosine without warm-up)")
        String schedule,
        @JsonPropertyDescription("warm-up epochs of the cosine schedule (default 10, Part B §7)")
        Integer warmupEpochs,
        @JsonPropertyDescription("learning rate the warm-up starts from (default 0.01, Part B §7)")
        Double warmupStartLr,
        @JsonPropertyDescription("evaluate on the test set every N epochs; the last epoch always (default 1)")
        Integer evalEvery,
        @JsonPropertyDescription("stop each epoch after N steps, for quick looks (default: the whole epoch)")
        Integer stepsPerEpoch) {

    public int epochsOrDefault() {
        return epochs == null ? 400 : epochs;
    }

    public int batchSizeOrDefault() {
        return batchSize == null ? 128 : batchSize;
    }

    public double learningRateOrDefault() {
        return learningRate == null ? 0.1 : learningRate;
    }

    public double momentumOrDefault() {
        return momentum == null ? 0.9 : momentum;
    }

    public boolean nesterovOrDefault() {
        return nesterov == null || nesterov;
    }

    public double weightDecayOrDefault() {
        return weightDecay == null ? 1e-4 : weightDecay;
    }

    public ScheduleKind scheduleOrDefault() {
        return schedule == null ? ScheduleKind.COSINE : ScheduleKind.parse(schedule);
    }

    public int warmupEpochsOrDefault() {
        return warmupEpochs == null ? 10 : warmupEpochs;
    }

    public double warmupStartLrOrDefault() {
        return warmupStartLr == null ? 0.01 : warmupStartLr;
    }

    public int evalEveryOrDefault() {
        return evalEvery == null ? 1 : evalEvery;
    }

    /** A copy with the epoch count replaced (the command line's {@code --epochs}). */
    public TrainingConfig withEpochs(int newEpochs) {
        return new TrainingConfig(newEpochs, batchSize, learningRate, momentum, nesterov, weightDecay,
                schedule, warmupEpochs, warmupStartLr, evalEvery, stepsPerEpoch);
    }

    /** A copy with the steps per epoch replaced (benchmarks and tests). */
    public TrainingConfig withStepsPerEpoch(Integer steps) {
        return new TrainingConfig(epochs, batchSize, learningRate, momentum, nesterov, weightDecay,
                schedule, warmupEpochs, warmupStartLr, evalEvery, steps);
    }
}
