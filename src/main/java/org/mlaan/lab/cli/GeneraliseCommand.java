package org.mlaan.lab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mlaan.lab.analysis.CheckpointAnalyses;
import org.mlaan.lab.analysis.result.GeneralisationRow;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.DatasetConfig;
import org.mlaan.lab.core.config.DatasetKind;
import org.mlaan.lab.core.config.DatasetVariant;
import org.mlaan.lab.core.run.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code generalise}: trained runs evaluated on another data set with the same classes (MLAAN Table 6). */
@Command(name = "generalise", aliases = "generalize", mixinStandardHelpOptions = true,
        description = "Evaluate each run's last checkpoint on its own test set and on another data set with the same"
                + " number of classes (images resized to the run's input size, normalised as in its training),"
                + " like Table 6 of the MLAAN paper. Name the other set by a config file's dataset section"
                + " (--to-config) or by kind (--to, with --to-path for sets read from files).")
final class GeneraliseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "run folders with a checkpoint")
    List<Path> runs;

    @Option(names = "--to-config", paramLabel = "FILE.json", description = "experiment JSON whose dataset section is the target")
    Path toConfig;

    @Option(names = "--to", paramLabel = "KIND", description = "target data set kind: builtin | cifar10 | stl10 | svhn | folder | idx")
    String to;

    @Option(names = "--to-path", paramLabel = "PATH", description = "folder of the target's files (all kinds but builtin)")
    String toPath;

    @Option(names = "--variant", description = "standard | shifted: the built-in set's variant (with --to builtin)")
    String variant;

    @Option(names = "--images", defaultValue = "" + CheckpointAnalyses.DEFAULT_GENERALISATION_IMAGES,
            description = "at most this many test images of each set (default: ${DEFAULT-VALUE})")
    int images;

    @Mixin
    AnalysisOptions options;

    @Override
    public Integer call() throws Exception {
        RunDirs.atLeast("--images", images, 1);
        DatasetConfig fromFile = target();
        options.runAndPrint(spec, RunDirs.read("RUN_DIR", runs),
                (a, run, progress) -> a.generalisation(run, fromFile == null ? byKind(run) : fromFile, images, progress),
                GeneraliseCommand::table);
        return 0;
    }

    /** The target from {@code --to-config}, or null when it is given by {@code --to} (checked here). */
    private DatasetConfig target() throws Exception {
        if ((toConfig == null) == (to == null)) {
            throw new IllegalArgumentException("--to-config / --to: give exactly one: --to-config FILE.json, or --to"
                    + " KIND (with --to-path for data read from files)");
        }
        if (toConfig != null) {
            if (toPath != null || variant != null) {
                throw new IllegalArgumentException((toPath != null ? "--to-path" : "--variant")
                        + ": goes with --to; with --to-config the file's dataset section says it");
            }
            return ConfigFiles.read(toConfig).dataset();
        }
        DatasetKind kind;
        try {
            kind = DatasetKind.parse(to);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--to: " + e.getMessage(), e);
        }
        DatasetVariant v;
        try {
            v = variant == null ? DatasetVariant.STANDARD : DatasetVariant.parse(variant);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--variant: " + e.getMessage(), e);
        }
        if (v != DatasetVariant.STANDARD && kind != DatasetKind.BUILTIN) {
            throw new IllegalArgumentException("--variant: only --to builtin has variants");
        }
        if (kind != DatasetKind.BUILTIN && (toPath == null || toPath.isBlank())) {
            throw new IllegalArgumentException("--to-path: required with --to " + kind.id()
                    + " (the folder holding its files)");
        }
        return null;
    }

    /**
     * The {@code --to} target for one run: for the built-in set, the run's own generator seed and
     * test count, so that image i shows the scene the run's test image i shows (same label); for
     * IDX files, the run's own padding, so that the images are not resized to the run's input.
     */
    DatasetConfig byKind(RunRecord run) {
        DatasetKind kind = DatasetKind.parse(to);
        DatasetConfig own = run.config().dataset();
        if (kind == DatasetKind.BUILTIN && own.kindOrDefault() == DatasetKind.BUILTIN) {
            return new DatasetConfig(kind.id(), null, null, own.testSize(), null, own.generatorSeed(), null, variant);
        }
        Boolean pad = kind == DatasetKind.IDX && own.kindOrDefault() == DatasetKind.IDX ? own.padTo32() : null;
        return new DatasetConfig(kind.id(), kind == DatasetKind.BUILTIN ? null : toPath, null, null, null, null, null,
                variant, pad);
    }

    /** The Table-6-style rows, errors in %. */
    static String table(List<GeneralisationRow> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-28s %-14s %-20s %9s %-24s %9s %7s%n", "run", "method", "trained on",
                "error", "evaluated on", "error", "images"));
        for (GeneralisationRow r : rows) {
            sb.append(String.format(Locale.ROOT, "%-28s %-14s %-20s %8.2f%% %-24s %8.2f%% %7d%n", r.run(),
                    r.method().label(), r.trainedOn(), 100 * r.trainedOnError(), r.evaluatedOn(),
                    100 * r.evaluatedOnError(), r.images()));
        }
        return sb.toString();
    }
}
