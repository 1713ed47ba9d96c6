package org.mlaan.lab.data;

import java.util.List;
import org.mlaan.lab.core.experiment.DataShape;
import org.mlaan.lab.core.run.ClassGroup;

/**
 * A data set ready for a run: training and test images with the transforms of ALGORITHMS.md
 * Part B §7 (augmentation and normalisation for training, normalisation only for test), and the
 * groups its classes form where a reader of the results needs them (the built-in set's arrangement
 * and texture classes).
 */
public record LoadedData(ImageSet train, ImageSet test, SampleTransform trainTransform,
        SampleTransform testTransform, List<ClassGroup> classGroups) {

    /** Data whose classes form no groups. */
    public LoadedData(ImageSet train, ImageSet test, SampleTransform trainTransform, SampleTransform testTransform) {
        this(train, test, trainTransform, testTransform, List.of());
    }

    public LoadedData {
        classGroups = List.copyOf(classGroups);
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

    /** What a network sees of this data: channels, edge and class count. */
    public DataShape shape() {
        return new DataShape(inputChannels(), inputSize(), numClasses());
    }

    /** Channels of the samples the network sees: 3 for colour images, 1 for grey. */
    public int inputChannels() {
        return trainTransform.outputShape(train.shape()).channels();
    }
}
