package org.mlaan.lab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mlaan.lab.core.run.RunFolder;
import org.mlaan.lab.core.run.RunFolderReader;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.engine.Checkpoint;

/**
 * Run folders named on the command line, read and checked before any analysis starts: a folder
 * that is not a run, or a run without a checkpoint, is bad input named with its option.
 */
final class RunDirs {
    private RunDirs() {}

    /** Every folder read as a run with a checkpoint; {@code option} names where it was given. */
    static List<RunRecord> read(String option, List<Path> dirs) {
        List<RunRecord> out = new ArrayList<>();
        for (Path dir : dirs) {
            out.add(read(option, dir));
        }
        return out;
    }

    static RunRecord read(String option, Path dir) {
        try {
            RunRecord run = RunFolderReader.read(dir);
            if (Checkpoint.find(dir.resolve(RunFolder.CHECKPOINTS)).isEmpty()) {
                throw new IllegalArgumentException(option + ": " + dir + " has no checkpoint yet (one is written at"
                        + " the end of each epoch and on cancel)");
            }
            return run;
        } catch (IOException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    /** The check of a count option: at least {@code min}. */
    static void atLeast(String option, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(option + ": expected at least " + min + ", got " + value);
        }
    }
}
