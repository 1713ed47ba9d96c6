package org.mlaan.lab.analysis.result;

import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.run.FeatureMaps;

/**
 * One run's feature maps of the fixed test images, for a Figure-4-style comparison of runs.
 *
 * @param run the run's name
 * @param method the run's method
 * @param maps the maps, taken from the run's last checkpoint in evaluation mode
 */
public record FeatureMapPanel(String run, Method method, FeatureMaps maps) {}
