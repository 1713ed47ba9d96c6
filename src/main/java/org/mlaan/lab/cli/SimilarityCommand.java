package org.mlaan.lab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.mlaan.lab.analysis.CheckpointAnalyses;
import org.mlaan.lab.analysis.result.SimilarityResult;
import org.mlaan.lab.core.run.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code similarity}: linear CKA of trained runs against a BP run at the same units (MLAAN Figure 6). */
@Command(name = "similarity", mixinStandardHelpOptions = true,
        description = "Load each run's and the reference's last checkpoints and compare their representations"
                + " (flattened outputs at the run's module ends) on the first N test images by linear CKA, cut"
                + " by cut and every cut against every cut, like Figure 6 of the MLAAN paper.")
final class SimilarityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--reference", required = true, paramLabel = "BP_RUN",
            description = "run folder of the reference (usually BP on the same network and data)")
    Path reference;

    @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "run folders with a checkpoint")
    List<Path> runs;

    @Option(names = "--images", defaultValue = "" + CheckpointAnalyses.DEFAULT_SIMILARITY_IMAGES,
            description = "test images compared (default: ${DEFAULT-VALUE})")
    int images;

    @Mixin
    AnalysisOptions options;

    @Override
    public Integer call() throws Exception {
        RunDirs.atLeast("--images", images, 2);
        RunRecord ref = RunDirs.read("--reference", reference);
        options.runAndPrint(spec, RunDirs.read("RUN_DIR", runs),
                (a, run, progress) -> a.similarity(run, ref, images, progress),
                results -> results.stream().map(SimilarityCommand::table).collect(Collectors.joining()));
        return 0;
    }

    /** The same-cut row and the all-pairs matrix of one run. */
    static String table(SimilarityResult s) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s (%s) against %s: linear CKA on %d test images%n", s.run(),
                s.method().label(), s.reference(), s.images()));
        sb.append(String.format(Locale.ROOT, "%-14s", "unit"));
        s.units().forEach(u -> sb.append(String.format(Locale.ROOT, " %7s", u)));
        sb.append(String.format(Locale.ROOT, "%n%-14s", "same cut"));
        for (double v : s.sameCut()) {
            sb.append(String.format(Locale.ROOT, " %7.3f", v));
        }
        sb.append(String.format(Locale.ROOT, "%nrun \\ reference%n"));
        for (int i = 0; i < s.units().size(); i++) {
            sb.append(String.format(Locale.ROOT, "%-14s", s.units().get(i)));
            for (double v : s.allPairs()[i]) {
                sb.append(String.format(Locale.ROOT, " %7.3f", v));
            }
            sb.append(String.format(Locale.ROOT, "%n"));
        }
        return sb.toString();
    }
}
