package org.mlaan.lab.analysis.result;

import java.util.List;
import org.mlaan.lab.core.config.Method;

/**
 * Linear CKA between a run's representations and a reference (BP) run's, on the same test
 * images (MLAAN paper, Figure 6). The cuts are the run's module outputs; the reference is read at
 * the same units.
 *
 * @param run the run's name
 * @param method the run's method
 * @param reference the reference run's name
 * @param units the units read, shallow to deep (the run's module ends)
 * @param sameCut {@code sameCut[i]} = CKA(run at unit i, reference at unit i)
 * @param allPairs {@code allPairs[i][j]} = CKA(run at unit i, reference at unit j)
 * @param images test images used
 */
public record SimilarityResult(String run, Method method, String reference, List<String> units, double[] sameCut,
        double[][] allPairs, int images) {

    public SimilarityResult {
        units = List.copyOf(units);
    }
}
