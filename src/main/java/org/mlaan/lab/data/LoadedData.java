package org.mlaan.lab.data;

import org.mlaan.lab.core.experiment.DataShape;

/**
 * A data set ready for a run: training and test images with the transforms of ALGORITHMS.md
 * Part B §7 (augmentation and normalisation for training, normalisation only for test).
 */
public record LoadedData(ImageSet train, ImageSet test, SampleTransform trainTransform,
        SampleTransform testTransform) {

    public LoadedData {
        if (train.numClasses() != test.numClasses()) {
            throw new IllegalArgumentException("training set has " + train.numClasses()
                    + " classes but test set has " + test.numClasses());
        }
        if (!train.shape().equals(test.shape())) {
            throw new IllegalArgumentException("training images are " + train.shape()
                    + " but test images are " + test.shape());
        }
    }

    public int numClasses() {
        return train.numClasses();
    }

    /** Edge of the (square) samples the network sees. */
    public int inputSize() {
        return trainTransform.outputShape(train.shape()).height();
    }

    /** Channels of the samples the network sees: 3 for colour images, 1 for grey. */
    /** What a network sees of this data: channels, edge and class count. */
    public DataShape shape() {
        return new DataShape(inputChannels(), inputSize(), numClasses());
    }

    public int inputChannels() {
        return trainTransform.outputShape(train.shape()).channels();
    }
}
