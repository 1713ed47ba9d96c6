package org.mlaan.lab.ui.analysis;

import java.io.IOException;
import java.util.List;
import org.mlaan.lab.analysis.AnalysisProgress;
import org.mlaan.lab.analysis.result.MemoryRow;
import org.mlaan.lab.core.config.ExperimentConfig;

/**
 * Measures the memory of a training step of BP and of the config's method, each in its own
 * process (MLAAN paper, Table 3). The window is given one; the tab only shows what it returns.
 */
@FunctionalInterface
public interface MemoryMeasure {
    /** The rows, BP first, for the network, split, data and batch of {@code config}. */
    List<MemoryRow> measure(ExperimentConfig config, AnalysisProgress progress) throws IOException, InterruptedException;
}
