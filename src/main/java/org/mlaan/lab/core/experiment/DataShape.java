package org.mlaan.lab.core.experiment;

import org.mlaan.lab.core.config.DatasetKind;
import org.mlaan.lab.core.config.ExperimentConfig;

/**
 * What a network sees of its data: channels, square edge and class count. The plan, and with it
 * every module's activations, depends on it, so an experiment is resolved for one shape.
 *
 * @param channels input channels (3 for colour, 1 for the MNIST family's grey images)
 * @param size the square input's edge in pixels
 * @param classes the number of classes the head predicts
 */
public record DataShape(int channels, int size, int classes) {

    public DataShape {
        if (channels < 1 || size < 1 || classes < 2) {
            throw new IllegalArgumentException("a data shape needs channels >= 1, size >= 1 and classes >= 2, got "
                    + channels + "x" + size + "x" + size + " with " + classes + " classes");
        }
    }

    /**
     * The shape {@code config}'s data set will have, from its kind alone, before any file is read
     * (the window draws the network at once): 32x32 colour for CIFAR-10, SVHN and the built-in set,
     * 96x96 for STL-10, the configured edge for image folders, grey 32x32 for IDX files (28x28
     * unpadded); 10 classes (a folder's or an EMNIST split's true count is known once it is read).
     *
     * @throws IllegalArgumentException where the config names no known data set
     */
    public static DataShape expected(ExperimentConfig config) {
        DatasetKind kind = config.dataset().kindOrDefault();
        int size = switch (kind) {
            case STL10 -> 96;
            case FOLDER -> config.dataset().imageSizeOrDefault();
            case IDX -> config.dataset().padTo32OrDefault() ? 32 : 28;
            default -> 32;
        };
        return new DataShape(kind == DatasetKind.IDX ? 1 : 3, size, 10);
    }

    @Override
    public String toString() {
        return channels + "x" + size + "x" + size + ", " + classes + " classes";
    }
}
