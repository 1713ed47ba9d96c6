package org.mlaan.lab.ui.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mlaan.lab.analysis.ReportAssembler;
import org.mlaan.lab.core.cluster.ArrayTask;
import org.mlaan.lab.core.cluster.TaskList;
import org.mlaan.lab.core.run.RunFolderReader;
import org.mlaan.lab.core.run.RunRecord;

/**
 * Reads the run folders a person points at: one run folder, or a folder whose sub-folders are run
 * folders (an ablation's output), as the {@code report} command takes them. Folders that cannot be
 * read are reported by name, and the others are still read.
 */
final class RunFolders {
    /**
     * The readable runs, in folder-name order, one line per folder that could not be read, and one
     * per run of a job array that has no folder yet (listed, not counted).
     */
    record Loaded(List<RunRecord> runs, List<String> problems, List<ArrayTask> notStarted) {}

    private RunFolders() {}

    /** Reads every run folder at or under {@code dir}. */
    static Loaded read(Path dir) throws IOException {
        List<Path> found;
        try {
            found = ReportAssembler.runDirs(List.of(dir));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        List<RunRecord> runs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path p : found) {
            try {
                runs.add(RunFolderReader.read(p));
            } catch (IOException e) {
                problems.add(p.getFileName() + ": " + e.getMessage());
            }
        }
        List<ArrayTask> notStarted;
        try {
            notStarted = TaskList.withoutFolder(dir);
        } catch (IOException e) {
            problems.add(dir + ": its job array's task list cannot be read: " + e.getMessage());
            notStarted = List.of();
        }
        return new Loaded(runs, problems, notStarted);
    }
}
