package org.mlaan.lab.analysis;

import java.io.IOException;
import org.mlaan.lab.analysis.result.FeatureMapPanel;
import org.mlaan.lab.analysis.result.GeneralisationRow;
import org.mlaan.lab.analysis.result.SeparabilityCurve;
import org.mlaan.lab.analysis.result.SimilarityResult;
import org.mlaan.lab.core.config.DatasetConfig;
import org.mlaan.lab.core.run.RunRecord;

/**
 * The analyses that need a trained network: each loads the run's last checkpoint and reads its
 * representations, without training it further. The report and the window call them through this
 * seam, so both can be tested with fakes and neither touches DJL.
 */
public interface RunAnalyses {
    /** MLAAN Figure 5: a linear classifier on each module's pooled output. */
    SeparabilityCurve separability(RunRecord run, int trainImages, int testImages, AnalysisProgress progress)
            throws IOException;

    /** MLAAN Figure 6: linear CKA of the run's module outputs against the reference (BP) run's at the same units. */
    SimilarityResult similarity(RunRecord run, RunRecord reference, int images, AnalysisProgress progress)
            throws IOException;

    /** MLAAN Table 6: the run's checkpoint evaluated on another data set with the same classes. */
    GeneralisationRow generalisation(RunRecord run, DatasetConfig target, int images, AnalysisProgress progress)
            throws IOException;

    /** MLAAN Figure 4: feature maps of the first test image of each class, from the last checkpoint. */
    FeatureMapPanel featureMaps(RunRecord run, int images) throws IOException;
}
