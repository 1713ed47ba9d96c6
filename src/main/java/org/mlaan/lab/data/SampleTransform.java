package org.mlaan.lab.data;

import java.util.SplittableRandom;
import org.mlaan.lab.core.plan.TensorShape;

/**
 * Turns one stored 8-bit image into one normalised float sample, with whatever random
 * augmentation the transform does drawn from the given generator (so a run can be replayed).
 */
public interface SampleTransform {

    /** Shape of the samples this transform makes from images of {@code source}'s shape. */
    TensorShape outputShape(TensorShape source);

    /**
     * Writes image {@code index} of {@code set}, transformed, as channel-first floats into
     * {@code dst} starting at {@code offset}.
     */
    void apply(ImageSet set, int index, SplittableRandom random, float[] dst, int offset);

    /** The normalisation this transform ends with. */
    Normalization normalization();
}
