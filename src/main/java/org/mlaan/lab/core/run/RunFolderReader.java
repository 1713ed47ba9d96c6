package org.mlaan.lab.core.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;

/**
 * Reads a run folder written by {@link RunFolder} back into a {@link RunRecord}, so a past run's
 * curves can be shown, compared or reported. A metrics file that is missing (a run that failed
 * before its first step) reads as no rows; a torn last row (a run still writing, or killed
 * mid-row) is dropped, as {@link CsvLog#keepOnly} does; anything else malformed is an error that
 * names the file and line.
 */
public final class RunFolderReader {
    private RunFolderReader() {}

    /** The config, status and metrics of the run folder {@code dir}. */
    public static RunRecord read(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(RunFolder.CONFIG))) {
            throw new RunFolderException(dir + ": not a run folder (no " + RunFolder.CONFIG + ")");
        }
        ExperimentConfig config;
        try {
            config = ConfigFiles.read(dir.resolve(RunFolder.CONFIG));
        } catch (ConfigException e) {
            throw new RunFolderException(e.getMessage(), e);
        }
        RunStatus status = null;
        Path statusFile = dir.resolve(RunFolder.STATUS);
        if (Files.isRegularFile(statusFile)) {
            try {
                status = ConfigFiles.mapper().readValue(statusFile.toFile(), RunStatus.class);
            } catch (IOException e) {
                throw new RunFolderException(statusFile + ": cannot be read: " + e.getMessage(), e);
            }
        }
        List<StepMetrics> steps = steps(dir.resolve(RunFolder.STEPS_CSV));
        // A folder left saying "running" by a process that is gone reads as stopped (RunLiveness).
        long stepsDone = steps.isEmpty() ? 0 : steps.get(steps.size() - 1).globalStep() + 1;
        return new RunRecord(dir, config, RunLiveness.seen(status, stepsDone, Instant.now()), steps,
                epochs(dir.resolve(RunFolder.EPOCHS_CSV)));
    }

    /** The rows of a {@code metrics-steps.csv}. */
    public static List<StepMetrics> steps(Path file) throws IOException {
        List<StepMetrics> out = new ArrayList<>();
        for (Row r : rows(file, RunFolder.STEPS_HEADER)) {
            out.add(new StepMetrics(r.integer(0), r.integer(1), r.whole(2), r.number(3), new double[0], r.number(4),
                    r.number(5), r.number(6), Double.NaN, -1, -1, new double[0], new double[0], -1, r.numberOrNaN(7)));
        }
        return out;
    }

    /** The rows of a {@code metrics-epochs.csv}. */
    public static List<EpochMetrics> epochs(Path file) throws IOException {
        List<EpochMetrics> out = new ArrayList<>();
        for (Row r : rows(file, RunFolder.EPOCHS_HEADER)) {
            out.add(new EpochMetrics(r.integer(0), r.number(1), r.number(2), r.number(3), r.number(4), r.number(5),
                    r.number(6), r.number(7), r.groups(8)));
        }
        return out;
    }

    private static List<Row> rows(Path file, String header) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        if (lines.isEmpty()) {
            return List.of();
        }
        // An older lab wrote fewer columns (they are only added at the end): its rows read with the
        // missing cells empty.
        if (!CsvLog.isHeaderOrOlder(lines.get(0), header)) {
            throw new IOException(file + ": expected the header '" + header + "', found '" + lines.get(0) + "'");
        }
        int fields = lines.get(0).split(",", -1).length;
        List<Row> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean last = i == lines.size() - 1;
            if (line.isBlank() && last) {
                continue;
            }
            String[] parts = line.split(",", -1);
            if (parts.length != fields) {
                if (last) {
                    continue; // torn by a run still writing or killed mid-row
                }
                throw new IOException(file + " line " + (i + 1) + ": expected " + fields + " fields, found "
                        + parts.length);
            }
            out.add(new Row(file, i + 1, parts));
        }
        return out;
    }

    /** One CSV row, parsed field by field with the file and line in every error. */
    private record Row(Path file, int line, String[] parts) {
        int integer(int i) throws IOException {
            try {
                return Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw bad(i, "a whole number");
            }
        }

        long whole(int i) throws IOException {
            try {
                return Long.parseLong(parts[i].trim());
            } catch (NumberFormatException e) {
                throw bad(i, "a whole number");
            }
        }

        /** A {@code group_errors} cell ({@code name=error;...}), empty where blank or absent (an older lab). */
        java.util.Map<String, Double> groups(int i) throws IOException {
            java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
            if (i >= parts.length || parts[i].isBlank() || parts[i].trim().equals("NaN")) {
                return out;
            }
            for (String pair : parts[i].split(";")) {
                String[] kv = pair.split("=", 2);
                try {
                    if (kv.length != 2) {
                        throw new NumberFormatException();
                    }
                    out.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
                } catch (NumberFormatException e) {
                    throw bad(i, "group=error pairs separated by ';'");
                }
            }
            return out;
        }

        /** A number, or NaN where the row has no such column (a folder of an older lab). */
        double numberOrNaN(int i) throws IOException {
            return i < parts.length ? number(i) : Double.NaN;
        }

        double number(int i) throws IOException {
            try {
                return Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw bad(i, "a number");
            }
        }

        private IOException bad(int i, String expected) {
            return new IOException(file + " line " + line + ", field " + (i + 1) + ": expected " + expected
                    + ", found '" + parts[i] + "'");
        }
    }
}
