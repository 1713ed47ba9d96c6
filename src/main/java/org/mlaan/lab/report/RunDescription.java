package org.mlaan.lab.report;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mlaan.lab.core.config.DatasetConfig;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.config.SplitConfig;
import org.mlaan.lab.core.run.Provenance;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.run.RunFolder;

/** How the report describes a run's config in words, the same in the HTML page and the CSV files. */
final class RunDescription {
    private RunDescription() {}

    /** The split: a preset's name, or "K modules (after a, b, c)"; "whole network" for BP. */
    static String split(ExperimentConfig c) {
        SplitConfig s = c.split();
        if (c.methodOrDefault() == Method.BP || s == null) {
            return c.methodOrDefault() == Method.BP ? "whole network" : "";
        }
        if (s.preset() != null) {
            return s.preset();
        }
        return s.cutsAfter() == null ? "" : (s.cutsAfter().size() + 1) + " modules (cuts after "
                + String.join(", ", s.cutsAfter()) + ")";
    }

    /** The data set's kind and path. */
    static String dataset(ExperimentConfig c) {
        DatasetConfig d = c.dataset();
        return d.kindOrDefault().id() + (d.path() == null ? "" : " (" + d.path() + ")");
    }

    /** Train/test images as asked; "all" where the whole set is used. */
    static String sizes(ExperimentConfig c) {
        DatasetConfig d = c.dataset();
        return (d.trainSize() == null ? "all" : d.trainSize().toString()) + " / "
                + (d.testSize() == null ? "all" : d.testSize().toString());
    }

    /** The run folder's {@code provenance.json}, or null when it has none or it cannot be read. */
    static Provenance provenance(Path dir) {
        Path file = dir == null ? null : dir.resolve(RunFolder.PROVENANCE);
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return ConfigFiles.mapper().readValue(file.toFile(), Provenance.class);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
