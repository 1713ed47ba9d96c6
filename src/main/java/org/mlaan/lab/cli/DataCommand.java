package org.mlaan.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mlaan.lab.core.config.DatasetConfig;
import org.mlaan.lab.data.DataSets;
import org.mlaan.lab.data.ImageSet;
import org.mlaan.lab.data.LoadedData;
import org.mlaan.lab.data.PreviewGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code data}: opens a data set, prints its size and classes, and writes a sample grid. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Open a data set (the built-in one or files on disk), print its classes and sizes,"
                + " and optionally write a PNG grid of samples, one row per class.")
final class DataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", defaultValue = "builtin", description = "builtin | cifar10 | stl10 | svhn | folder | idx (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--path", description = "folder holding the data set's files (all but builtin)")
    String path;

    @Option(names = "--preview", description = "write a PNG grid of training samples here")
    Path preview;

    @Option(names = "--per-class", defaultValue = "8", description = "samples per class in the grid (default: ${DEFAULT-VALUE})")
    int perClass;

    @Option(names = "--variant", description = "standard | shifted | lesson: how the built-in set is painted (builtin only)")
    String variant;

    @Option(names = "--image-size", description = "edge images are resized to (folder data only)")
    Integer imageSize;

    @Override
    public Integer call() throws Exception {
        if (perClass < 1 || perClass > 64) {
            throw new IllegalArgumentException("--per-class: expected 1..64, got " + perClass);
        }
        DatasetConfig config = new DatasetConfig(dataset, path, null, null, imageSize, null, null, variant, null);
        org.mlaan.lab.core.config.ConfigValidator.validate(
                org.mlaan.lab.core.config.ExperimentConfig.defaults().withDataset(config), "options");
        LoadedData data = DataSets.open(config);
        PrintWriter out = spec.commandLine().getOut();
        describe(out, "train", data.train());
        describe(out, "test", data.test());
        if (preview != null) {
            PreviewGrid.write(data.train(), preview, perClass);
            out.println("wrote " + preview.toAbsolutePath());
        }
        return 0;
    }

    private static void describe(PrintWriter out, String split, ImageSet set) {
        out.printf("%s: %d images of %s, %d classes%n", split, set.size(), set.shape(), set.numClasses());
        int[] counts = set.classCounts();
        StringBuilder sb = new StringBuilder("  ");
        for (int c = 0; c < counts.length; c++) {
            sb.append(set.classNames().get(c)).append('=').append(counts[c]).append(c + 1 < counts.length ? ", " : "");
        }
        out.println(sb);
    }
}
