package org.mlaan.lab.analysis.result;

/**
 * The linear separability of one module's output (MLAAN paper, Figure 5): a linear classifier
 * trained on the frozen, globally average-pooled output of the module.
 *
 * @param module module index from 0
 * @param afterUnit the unit whose output was read (the module's last unit, e.g. {@code 2.2})
 * @param depth units from the input up to and including that unit (the x axis of the figure)
 * @param features width of the pooled feature (the unit's channels)
 * @param trainAccuracy the classifier's accuracy on the images it was fitted on, 0..1
 * @param testAccuracy its accuracy on test images, 0..1
 */
public record SeparabilityPoint(int module, String afterUnit, int depth, int features, double trainAccuracy,
        double testAccuracy) {}
