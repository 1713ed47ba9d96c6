package org.mlaan.lab.core.run;

/**
 * A run has built its network and data and is about to take its first step.
 *
 * @param runDir folder the run writes, or null when it keeps nothing on disk
 * @param device the device in words, e.g. {@code cpu()} or {@code gpu(0)}
 * @param startEpoch first epoch this process trains (above 0 when resumed)
 * @param epochs total epochs of the run
 * @param stepsPerEpoch steps in one epoch
 * @param trainImages images in the training set
 * @param testImages images in the test set
 */
public record RunStarted(String runDir, String device, int startEpoch, int epochs, int stepsPerEpoch,
        int trainImages, int testImages) {}
