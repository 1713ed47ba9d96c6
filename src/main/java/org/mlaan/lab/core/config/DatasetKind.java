package org.mlaan.lab.core.config;

import java.util.List;
import java.util.Locale;

/** The data sets the lab reads. Only {@code builtin} needs no files. */
public enum DatasetKind implements ConfigWord {
    /** The generated 10-class 32x32 set that ships inside the lab (the default everywhere). */
    BUILTIN,
    /** CIFAR-10 binary version: {@code data_batch_1..5.bin} and {@code test_batch.bin}. */
    CIFAR10,
    /** STL-10 binary version: {@code train_X.bin}, {@code train_y.bin}, {@code test_X.bin}, {@code test_y.bin}. */
    STL10,
    /** SVHN cropped digits: {@code train_32x32.mat} and {@code test_32x32.mat} (MATLAB v5). */
    SVHN,
    /** An image-folder tree: {@code train/<class>/*.png|jpg} and {@code test/<class>/...} (or {@code val/}). */
    FOLDER,
    /**
     * The MNIST family's IDX files (MNIST, Fashion-MNIST, KMNIST, EMNIST): {@code train-images-idx3-ubyte},
     * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}, each
     * plain or {@code .gz}; grey images, one channel.
     */
    IDX;

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DatasetKind parse(String text) {
        return ConfigWord.parse(DatasetKind.class, text, "data set");
    }

    public static List<String> ids() {
        return ConfigWord.ids(DatasetKind.class);
    }
}
