package org.mlaan.lab.data;

/**
 * A data set kept as a training part and a test part of one format in one folder (STL-10's
 * {@code train_X.bin}/{@code test_X.bin}, SVHN's {@code train_32x32.mat}/{@code test_32x32.mat}):
 * both parts are read the same way, under the names {@code <id>-train} and {@code <id>-test}.
 */
abstract class TwoPartReader implements DatasetReader {
    private final String id;
    private final String trainPart;
    private final String testPart;

    TwoPartReader(String id, String trainPart, String testPart) {
        this.id = id;
        this.trainPart = trainPart;
        this.testPart = testPart;
    }

    @Override
    public final ImageSet train(int limit) throws DatasetFormatException {
        return read(id + "-train", trainPart, limit);
    }

    @Override
    public final ImageSet test(int limit) throws DatasetFormatException {
        return read(id + "-test", testPart, limit);
    }

    /** Reads the part {@code part} (a file name or its stem), at most {@code limit} images, as the set {@code name}. */
    abstract ImageSet read(String name, String part, int limit) throws DatasetFormatException;
}
