package org.mlaan.lab.ui.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.mlaan.lab.core.run.RunFolder;
import org.mlaan.lab.core.run.RunFolderReader;
import org.mlaan.lab.core.run.RunRecord;

/**
 * The run folders a person points at: one run folder, or a folder that holds run folders (an
 * ablation's output, the whole {@code runs/} folder) up to two levels down. Folders that cannot be
 * read are reported by name, and the others are still read.
 */
final class RunFolders {
    /** How deep below the chosen folder run folders are looked for (runs/ablation-x/run-y). */
    private static final int DEPTH = 2;

    /** The readable runs, in folder-name order, and one line per folder that could not be read. */
    record Loaded(List<RunRecord> runs, List<String> problems) {}

    private RunFolders() {}

    /** The run folders at or under {@code dir}, sorted by path. */
    static List<Path> find(Path dir) throws IOException {
        if (isRunFolder(dir)) {
            return List.of(dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a folder");
        }
        try (Stream<Path> all = Files.walk(dir, DEPTH)) {
            return all.filter(p -> !p.equals(dir) && isRunFolder(p)).sorted().toList();
        }
    }

    /** Reads every run folder at or under {@code dir}. */
    static Loaded read(Path dir) throws IOException {
        List<Path> found = find(dir);
        if (found.isEmpty()) {
            throw new IOException(dir + ": holds no run folder (a folder with " + RunFolder.CONFIG + ")");
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
        return new Loaded(runs, problems);
    }

    private static boolean isRunFolder(Path p) {
        return Files.isRegularFile(p.resolve(RunFolder.CONFIG));
    }
}
