package org.mlaan.lab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.mlaan.lab.engine.net.Backbone;
import org.mlaan.lab.engine.net.NoGrad;

/**
 * One end-to-end backprop step (ALGORITHMS.md Part B §8): forward through every unit in training
 * mode, softmax cross-entropy, one backward inside the only gradient collector, then the optimiser
 * step after the collector has closed. Every array the step makes lives in the caller's per-step
 * manager, which the caller closes (STACK.md memory discipline).
 */
final class BpStep implements TrainingStep {
    private final Backbone backbone;
    private final NesterovSgd optimizer;
    private final ParameterStore parameters;
    private final LiveMeter meter;

    /** A step metered every step. */
    BpStep(Backbone backbone, NesterovSgd optimizer, ParameterStore parameters) {
        this(backbone, optimizer, parameters, LiveMeter.everyStep());
    }

    /** A step whose live-tensor peak (the arrays alive at its end) {@code meter} reads. */
    BpStep(Backbone backbone, NesterovSgd optimizer, ParameterStore parameters, LiveMeter meter) {
        this.backbone = backbone;
        this.optimizer = optimizer;
        this.parameters = parameters;
        this.meter = meter;
    }

    @Override
    public LiveMeter meter() {
        return meter;
    }

    // ALGORITHMS.md Part B §8: K = 1, one backward per step, same optimiser and schedule.
    /** Trains on {@code batch} = (images, labels), both in {@code stepManager}. */
    @Override
    public StepOutcome run(NDManager stepManager, NDList batch, double learningRate) {
        meter.startStep();
        NDList out = backward(stepManager, batch);
        optimizer.step(learningRate);
        return outcome(stepManager, batch, out);
    }

    /** Forward and backward: the gradients accumulate; returns (logits, loss). */
    NDList backward(NDManager stepManager, NDList batch) {
        try (GradientCollector collector = stepManager.getEngine().newGradientCollector()) {
            NDArray logits = backbone.forward(parameters, batch.get(0), true);
            NDArray loss = CrossEntropy.mean(logits, batch.get(1));
            collector.backward(loss);
            return new NDList(logits, loss);
        }
    }

    /** The optimiser step alone, after {@link #backward}. */
    void update(double learningRate) {
        optimizer.step(learningRate);
    }

    /** The step's figures from what {@link #backward} returned. */
    StepOutcome outcome(NDManager stepManager, NDList batch, NDList out) {
        NDArray images = batch.get(0);
        NDArray labels = batch.get(1);
        NDArray logits = out.get(0);
        float lossValue = out.get(1).getFloat();
        long correct;
        try (NoGrad noGrad = NoGrad.enter()) {
            correct = CrossEntropy.correct(logits, labels);
        }
        return new StepOutcome(lossValue, correct, (int) images.getShape().get(0), meter.read(stepManager),
                new double[] {lossValue});
    }
}
