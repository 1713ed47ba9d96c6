package org.mlaan.lab.core.run;

import java.io.IOException;

/**
 * A run folder that cannot be used as asked: not a run, no checkpoint, a damaged checkpoint, a
 * folder another process is writing, links inside it. It is the user's input, not the lab's
 * failure: the command line exits 2 with the message, which names the folder or file.
 */
public class RunFolderException extends IOException {
    private static final long serialVersionUID = 1L;

    public RunFolderException(String message) {
        super(message);
    }

    public RunFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
