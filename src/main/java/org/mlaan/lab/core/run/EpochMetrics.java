package org.mlaan.lab.core.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The end of one epoch. Test figures are NaN in an epoch without evaluation.
 *
 * @param epoch epoch from 0
 * @param trainLoss mean training loss over the epoch's steps
 * @param trainAccuracy training top-1 accuracy over the epoch, 0..1
 * @param testTop1Error test top-1 error, 0..1
 * @param testTop5Error test top-5 error, 0..1 (NaN when there are 10 classes or fewer)
 * @param bestTop1Error the lowest test top-1 error so far (the papers report this one)
 * @param learningRate the epoch's learning rate
 * @param seconds wall time of the epoch, evaluation included
 * @param groupErrors the test top-1 error of each {@link ClassGroup} of the data set, in its order
 *     (empty for sets without groups and epochs without evaluation)
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double testTop1Error,
        double testTop5Error, double bestTop1Error, double learningRate, double seconds,
        Map<String, Double> groupErrors) {

    public EpochMetrics {
        groupErrors = Collections.unmodifiableMap(new LinkedHashMap<>(groupErrors));
    }

    /** An epoch without group errors. */
    public EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double testTop1Error,
            double testTop5Error, double bestTop1Error, double learningRate, double seconds) {
        this(epoch, trainLoss, trainAccuracy, testTop1Error, testTop5Error, bestTop1Error, learningRate, seconds,
                Map.of());
    }
}
