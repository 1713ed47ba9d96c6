package org.mlaan.lab.data;

import java.io.IOException;

/**
 * One data set's training and test images. {@code limit} caps how many images come back: the
 * first {@code limit} in the set's own order for files on disk, the generated count for the
 * built-in set. Pass {@link #ALL} for every image.
 */
public interface DatasetReader {

    /** No cap on the number of images. */
    int ALL = Integer.MAX_VALUE;

    /** The training images, at most {@code limit} of them. */
    ImageSet train(int limit) throws IOException;

    /** The test images, at most {@code limit} of them. */
    ImageSet test(int limit) throws IOException;
}
