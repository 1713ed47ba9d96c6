package org.mlaan.lab.report;

import java.time.Instant;
import java.util.List;
import org.mlaan.lab.analysis.AblationMatrices;
import org.mlaan.lab.analysis.EpochBudgets;
import org.mlaan.lab.analysis.RunFixtures;
import org.mlaan.lab.analysis.result.AnalysisReport;
import org.mlaan.lab.analysis.result.GeneralisationRow;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.analysis.result.MemoryRow;
import org.mlaan.lab.analysis.result.SeparabilityCurve;
import org.mlaan.lab.analysis.result.SeparabilityPoint;
import org.mlaan.lab.analysis.result.SimilarityResult;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.run.FeatureMaps;

/** Hand-made analysis results for the report's tests. */
final class ReportFixtures {
    private ReportFixtures() {}

    static SeparabilityCurve separability(String run, Method m, double... testAccuracies) {
        List<SeparabilityPoint> points = new java.util.ArrayList<>();
        for (int i = 0; i < testAccuracies.length; i++) {
            points.add(new SeparabilityPoint(i, (i + 1) + ".2", 3 * (i + 1), 16 << i, testAccuracies[i] + 0.05,
                    testAccuracies[i]));
        }
        return new SeparabilityCurve(run, m, 500, 200, points);
    }

    static SimilarityResult similarity(String run, Method m) {
        return new SimilarityResult(run, m, "bp-run", List.of("1.2", "2.2", "3.2"), new double[] {0.9, 0.6, 0.3},
                new double[][] {{0.9, 0.5, 0.2}, {0.4, 0.6, 0.3}, {0.1, 0.2, 0.3}}, 256);
    }

    /**
     * Maps of two 4x4 images (test #3 red, test #7 blue) at units stem and 1.0; the channel mean at
     * 1.0 is 2x2 with its maximum at the top left, plus {@code shift}.
     */
    static org.mlaan.lab.analysis.result.FeatureMapPanel featureMaps(String run, Method m, float shift) {
        List<FeatureMaps.Image> images = new java.util.ArrayList<>();
        for (int k = 0; k < 2; k++) {
            float[] rgb = new float[4 * 4 * 3];
            for (int p = 0; p < 16; p++) {
                rgb[3 * p + (k == 0 ? 0 : 2)] = 1f;
            }
            List<FeatureMaps.UnitMap> maps = List.of(
                    new FeatureMaps.UnitMap("stem", 16, 4, 4, new float[16], new int[0], List.of()),
                    new FeatureMaps.UnitMap("1.0", 16, 2, 2, new float[] {9 + shift, 1 + shift, 1 + shift, shift},
                            new int[0], List.of()));
            images.add(new FeatureMaps.Image(k == 0 ? 3 : 7, k, k == 0 ? "cat" : "ship", 4, 4, rgb, maps));
        }
        return new org.mlaan.lab.analysis.result.FeatureMapPanel(run, m,
                new FeatureMaps(120, 1, List.of("stem", "1.0"), images));
    }

    static List<MemoryRow> memory() {
        return List.of(new MemoryRow("BP", "resnet32", "", 128, "cpu", 300L << 20, 900L << 20, -1),
                new MemoryRow("DGL+MLAAN", "resnet32", "resnet32-k16", 128, "cpu", 100L << 20, 600L << 20, -1));
    }

    /** A name no page may show as markup. */
    static final String EVIL = "<script>alert('x')</script> & \"co\", ltd";

    /**
     * A report holding every analysis: BP and DGL runs (one named {@link #EVIL}) at 3 epochs, a DGL+MLAAN
     * run at 2, separability and CKA for two runs, memory, generalisation and feature maps.
     */
    static AnalysisReport full() {
        RunRecord evil = RunFixtures.completed("dgl-s2", Method.DGL, 2, 0.5, 0.36, 0.4);
        evil = new RunRecord(evil.dir(), evil.config().withName(EVIL), evil.status(), evil.steps(), evil.epochs());
        List<RunRecord> runs = List.of(RunFixtures.completed("bp-s1", Method.BP, 1, 0.4, 0.3, 0.2),
                RunFixtures.completed("dgl-s1", Method.DGL, 1, 0.5, 0.35, 0.3), evil,
                RunFixtures.completed("mlaan-s1", Method.DGL_MLAAN, 1, 0.45, 0.33));
        return new AnalysisReport("Ablation " + EVIL, Instant.parse("2026-01-02T03:04:05Z"), runs,
                AblationMatrices.from(runs), EpochBudgets.from(runs),
                List.of(separability("bp-s1", Method.BP, 0.4, 0.6, 0.8), separability("dgl-s1", Method.DGL, 0.5, 0.6, 0.7)),
                List.of(similarity("dgl-s1", Method.DGL), similarity("mlaan, \"s1\"", Method.DGL_MLAAN)), memory(),
                List.of(new GeneralisationRow("dgl-s1", Method.DGL, "builtin", "folder (/data/x)", 0.3, 0.55, 200)),
                List.of(featureMaps("bp-s1", Method.BP, 0), featureMaps("dgl-s1", Method.DGL, 1)), "1.0",
                List.of("separability of run x: no checkpoint <none> & nothing to load"));
    }
}
