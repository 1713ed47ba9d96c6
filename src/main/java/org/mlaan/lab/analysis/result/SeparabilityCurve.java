package org.mlaan.lab.analysis.result;

import java.util.List;
import org.mlaan.lab.core.config.Method;

/**
 * Linear separability against depth for one trained run (one line of MLAAN Figure 5).
 *
 * @param run the run's name (its folder name)
 * @param method the run's method
 * @param trainImages images the classifiers were fitted on
 * @param testImages images they were scored on
 * @param points one point per module, shallow to deep
 */
public record SeparabilityCurve(String run, Method method, int trainImages, int testImages,
        List<SeparabilityPoint> points) {

    public SeparabilityCurve {
        points = List.copyOf(points);
    }
}
