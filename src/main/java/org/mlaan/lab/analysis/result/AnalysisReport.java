package org.mlaan.lab.analysis.result;

import java.time.Instant;
import java.util.List;
import org.mlaan.lab.core.run.RunRecord;

/**
 * Everything one report holds: the runs it was made from and every analysis they allow. Lists are
 * empty (and the matrix null) for an analysis the runs do not allow.
 *
 * @param title the report's title
 * @param made when it was made
 * @param runs the run folders read, in the order given
 * @param ablation Table 4, or null when the runs hold no local method of the DGL or InfoPro family
 * @param epochBudgets Table 5 rows (one per method and epoch count)
 * @param separability Figure 5 lines, one per run
 * @param similarity Figure 6, one per non-BP run against the BP run
 * @param memory Table 3 rows, BP first
 * @param generalisation Table 6 rows
 * @param featureMaps Figure 4 panels, one per run, same images
 * @param featureMapUnit the unit the Figure 4 comparison shows
 * @param notes what could not be computed and why, one line each
 */
public record AnalysisReport(String title, Instant made, List<RunRecord> runs, AblationMatrix ablation,
        List<EpochBudgetRow> epochBudgets, List<SeparabilityCurve> separability, List<SimilarityResult> similarity,
        List<MemoryRow> memory, List<GeneralisationRow> generalisation, List<FeatureMapPanel> featureMaps,
        String featureMapUnit, List<String> notes) {

    public AnalysisReport {
        runs = List.copyOf(runs);
        epochBudgets = List.copyOf(epochBudgets);
        separability = List.copyOf(separability);
        similarity = List.copyOf(similarity);
        memory = List.copyOf(memory);
        generalisation = List.copyOf(generalisation);
        featureMaps = List.copyOf(featureMaps);
        notes = List.copyOf(notes);
    }
}
