package org.mlaan.lab.core.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mlaan.lab.core.io.AtomicFiles;
import org.mlaan.lab.core.io.FileFormatException;
import org.mlaan.lab.core.run.RunFolder;

/**
 * The task list of a job array, {@code <out>/slurm/tasks.tsv}: a header, then one tab-separated
 * line per run (index, config, method, seed, epochs, config file, run folder). The array script
 * reads its own line by index, {@code ablate --status} and {@code --resubmit} read all of them,
 * and the report and the window read it to list the runs that have no folder yet.
 */
public final class TaskList {
    /** The folder, under an ablation's {@code --out}, that holds the array's files. */
    public static final String FOLDER = "slurm";
    public static final String FILE = "tasks.tsv";
    static final String HEADER = "index\tconfig\tmethod\tseed\tepochs\tconfig_file\trun_folder";

    private TaskList() {}

    /** {@code <out>/slurm/tasks.tsv}. */
    public static Path fileOf(Path out) {
        return out.resolve(FOLDER).resolve(FILE);
    }

    /** Writes the list atomically; paths with a tab or a line break are refused (the script splits on them). */
    public static void write(Path file, List<ArrayTask> tasks) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (ArrayTask t : tasks) {
            for (String cell : List.of(t.config(), t.method(), t.configFile().toString(), t.runFolder().toString())) {
                if (cell.indexOf('\t') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                    throw new IllegalArgumentException("'" + cell + "': a job array's names and paths cannot hold"
                            + " tabs or line breaks");
                }
            }
            sb.append(t.index()).append('\t').append(t.config()).append('\t').append(t.method()).append('\t')
                    .append(t.seed()).append('\t').append(t.epochs()).append('\t').append(t.configFile())
                    .append('\t').append(t.runFolder()).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /** Reads a task list, naming the file and line of anything that is not what {@link #write} writes. */
    public static List<ArrayTask> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new FileFormatException(file, "not a job array's task list (expected the header '"
                    + HEADER.replace('\t', ' ') + "')");
        }
        List<ArrayTask> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] c = lines.get(i).split("\t", -1);
            try {
                if (c.length != 7) {
                    throw new NumberFormatException("expected 7 tab-separated cells, found " + c.length);
                }
                out.add(new ArrayTask(Integer.parseInt(c[0]), c[1], c[2], Long.parseLong(c[3]), Integer.parseInt(c[4]),
                        Path.of(c[5]), Path.of(c[6])));
            } catch (NumberFormatException e) {
                throw new FileFormatException(file, "line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * The task list that {@code dir} belongs to: its own ({@code dir/slurm/tasks.tsv}) or, for
     * one config's folder of a grid, its parent's; empty when there is none.
     */
    public static Optional<Path> find(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        for (Path d = abs; d != null && (d.equals(abs) || d.equals(abs.getParent())); d = d.getParent()) {
            if (Files.isRegularFile(fileOf(d))) {
                return Optional.of(fileOf(d));
            }
        }
        return Optional.empty();
    }

    /**
     * The tasks of the array that {@code dir} belongs to whose runs belong under {@code dir} but
     * have no run folder yet (pending, or cancelled before they started): what a report of a
     * half-finished array lists without counting. Empty when {@code dir} is no array's folder.
     */
    public static List<ArrayTask> withoutFolder(Path dir) throws IOException {
        Optional<Path> file = find(dir);
        if (file.isEmpty()) {
            return List.of();
        }
        Path abs = dir.toAbsolutePath().normalize();
        List<ArrayTask> out = new ArrayList<>();
        for (ArrayTask t : read(file.get())) {
            Path run = t.runFolder().toAbsolutePath().normalize();
            if (run.startsWith(abs) && !Files.isRegularFile(run.resolve(RunFolder.CONFIG))) {
                out.add(t);
            }
        }
        return out;
    }

    /** The line a report gives a task without a run folder. */
    public static String notStartedNote(ArrayTask t) {
        return String.format(java.util.Locale.ROOT, "Job array task %d (%s, %s, seed %d) has no run folder yet (%s):"
                + " not counted.", t.index(), t.config(), t.method(), t.seed(), t.name());
    }
}
