package org.mlaan.lab.report;

import java.util.List;
import org.mlaan.lab.analysis.result.MemoryRow;
import org.mlaan.lab.analysis.result.SeparabilityCurve;
import org.mlaan.lab.analysis.result.SeparabilityPoint;
import org.mlaan.lab.analysis.result.SimilarityResult;
import org.mlaan.lab.core.config.Method;

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

    static List<MemoryRow> memory() {
        return List.of(new MemoryRow("BP", "resnet32", "", 128, "cpu", 300L << 20, 900L << 20, -1),
                new MemoryRow("DGL+MLAAN", "resnet32", "resnet32-k16", 128, "cpu", 100L << 20, 600L << 20, -1));
    }
}
