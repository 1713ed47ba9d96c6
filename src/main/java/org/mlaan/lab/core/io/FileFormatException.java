package org.mlaan.lab.core.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file the user handed the lab that is not in the format it claims to be, or whose content does
 * not fit where it is used (a weights file with an array missing or of the wrong shape). It is the
 * user's input, not the lab's failure: the command line exits 2 with the message, which starts
 * with the file and says what is wrong.
 */
public class FileFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public FileFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public FileFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file that is wrong. */
    public Path file() {
        return file;
    }
}
