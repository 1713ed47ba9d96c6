package org.mlaan.lab.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * How a {@link TrainingRun} is started, beside its config.
 *
 * @param outDir the parent folder in which a new run folder {@code <name>-<yyyyMMdd-HHmmss>} is
 *     made (ignored by {@link TrainingRun#resume}, which continues in the folder it is given)
 * @param device {@code auto | cpu | gpu | gpu:N} overriding the config's device, or null
 * @param epochs overrides {@code training.epochs} when not null (on resume it may extend a run)
 * @param keepFolder whether a new run writes a folder at all (it does only with an {@code outDir});
 *     without one there are no metrics files, checkpoints or status, and
 *     {@link TrainingRun#runDir()} is null. A resumed run always writes into its folder.
 * @param commandLine the arguments that started the run, recorded in its provenance (may be empty)
 * @param init a safetensors file of backbone weights under PyTorch's names that a new run starts
 *     from instead of its seed's initial weights ({@code train --init}), or null; a resume refuses it
 * @param runFolder the run folder itself, made (or, when it holds a run that never reached a
 *     checkpoint, started again) instead of a stamped one under {@code outDir}: a cluster's array
 *     task always writes the same folder ({@code train --run-folder}); null for a stamped folder
 */
public record RunOptions(Path outDir, String device, Integer epochs, boolean keepFolder, List<String> commandLine,
        Path init, Path runFolder) {

    /** The default parent folder of run folders. */
    public static final Path DEFAULT_OUT_DIR = Path.of("runs");

    public RunOptions {
        commandLine = commandLine == null ? List.of() : List.copyOf(commandLine);
    }

    /** Options of a stamped run folder under {@code outDir}. */
    public RunOptions(Path outDir, String device, Integer epochs, boolean keepFolder, List<String> commandLine,
            Path init) {
        this(outDir, device, epochs, keepFolder, commandLine, init, null);
    }

    /** Options that start from the seed's initial weights. */
    public RunOptions(Path outDir, String device, Integer epochs, boolean keepFolder, List<String> commandLine) {
        this(outDir, device, epochs, keepFolder, commandLine, null);
    }

    /** Options without a recorded command line. */
    public RunOptions(Path outDir, String device, Integer epochs, boolean keepFolder) {
        this(outDir, device, epochs, keepFolder, List.of(), null);
    }

    /** Run folders under {@code runs/}, the config's device and epochs. */
    public static RunOptions defaults() {
        return new RunOptions(DEFAULT_OUT_DIR, null, null, true, List.of(), null);
    }

    /** No run folder: nothing is written to disk (demos, tests). */
    public static RunOptions withoutFolder() {
        return new RunOptions(null, null, null, false, List.of(), null);
    }

    public RunOptions withOutDir(Path dir) {
        return new RunOptions(dir, device, epochs, keepFolder, commandLine, init, runFolder);
    }

    public RunOptions withDevice(String d) {
        return new RunOptions(outDir, d, epochs, keepFolder, commandLine, init, runFolder);
    }

    public RunOptions withEpochs(Integer e) {
        return new RunOptions(outDir, device, e, keepFolder, commandLine, init, runFolder);
    }

    public RunOptions withKeepFolder(boolean keep) {
        return new RunOptions(outDir, device, epochs, keep, commandLine, init, runFolder);
    }

    public RunOptions withCommandLine(List<String> args) {
        return new RunOptions(outDir, device, epochs, keepFolder, args, init, runFolder);
    }

    /** These options starting a new run from the weights in {@code file} (null: the seed's). */
    public RunOptions withInit(Path file) {
        return new RunOptions(outDir, device, epochs, keepFolder, commandLine, file, runFolder);
    }

    /** These options writing the run into exactly {@code dir} (see {@link #runFolder()}). */
    public RunOptions withRunFolder(Path dir) {
        return new RunOptions(outDir, device, epochs, true, commandLine, init, dir);
    }

    /** Whether a run made with these options writes a folder. */
    boolean writesFolder() {
        return runFolder != null || keepFolder && outDir != null;
    }
}
