package org.mlaan.lab.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data set file or folder that is missing, truncated or not in the expected format. The message
 * always starts with the path and says what was found and what was expected, because the person
 * reading it is usually looking at a download that went wrong.
 */
public class DatasetFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final Path path;

    public DatasetFormatException(Path path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    public DatasetFormatException(Path path, String problem, Throwable cause) {
        super(path + ": " + problem, cause);
        this.path = path;
    }

    /** The file or folder that is wrong. */
    public Path path() {
        return path;
    }
}
