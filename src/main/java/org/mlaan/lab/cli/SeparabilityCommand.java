package org.mlaan.lab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.mlaan.lab.analysis.CheckpointAnalyses;
import org.mlaan.lab.analysis.result.SeparabilityCurve;
import org.mlaan.lab.analysis.result.SeparabilityPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code separability}: a linear probe on each module's output of trained runs (MLAAN Figure 5). */
@Command(name = "separability", mixinStandardHelpOptions = true,
        description = "Load each run's last checkpoint, fit a linear (softmax) classifier on the globally average-"
                + "pooled output of every module (BP: every stage) over the first N training images, and score it"
                + " on the first M test images, like Figure 5 of the MLAAN paper.")
final class SeparabilityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "run folders with a checkpoint")
    List<Path> runs;

    @Option(names = "--train-images", defaultValue = "" + CheckpointAnalyses.DEFAULT_TRAIN_IMAGES,
            description = "training images each classifier is fitted on (default: ${DEFAULT-VALUE})")
    int trainImages;

    @Option(names = "--test-images", defaultValue = "" + CheckpointAnalyses.DEFAULT_TEST_IMAGES,
            description = "test images it is scored on (default: ${DEFAULT-VALUE})")
    int testImages;

    @Mixin
    AnalysisOptions options;

    @Override
    public Integer call() throws Exception {
        RunDirs.atLeast("--train-images", trainImages, 2);
        RunDirs.atLeast("--test-images", testImages, 1);
        options.runAndPrint(spec, RunDirs.read("RUN_DIR", runs),
                (a, run, progress) -> a.separability(run, trainImages, testImages, progress),
                curves -> curves.stream().map(SeparabilityCommand::table).collect(Collectors.joining()));
        return 0;
    }

    /** One run's curve as a text table, accuracies in %. */
    static String table(SeparabilityCurve c) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s (%s): linear probes fitted on %d training images, scored on %d test"
                + " images%n", c.run(), c.method().label(), c.trainImages(), c.testImages()));
        sb.append(String.format(Locale.ROOT, "%6s %8s %6s %9s %10s %10s%n", "module", "after", "depth", "features",
                "train acc", "test acc"));
        for (SeparabilityPoint p : c.points()) {
            sb.append(String.format(Locale.ROOT, "%6d %8s %6d %9d %9.1f%% %9.1f%%%n", p.module(), p.afterUnit(),
                    p.depth(), p.features(), 100 * p.trainAccuracy(), 100 * p.testAccuracy()));
        }
        return sb.toString();
    }
}
