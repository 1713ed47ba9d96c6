/**
 * The report of a set of runs: charts (JFreeChart, AWT), the Figure 4 feature-map image, one
 * self-contained HTML page and CSV tables, all drawn from the plain records of
 * {@code analysis.result}.
 *
 * <p>Its place in the layers of ARCHITECTURE.md: {@code report} may import {@code core} and
 * {@code analysis} (its results, and {@code RunOutcome}); it never imports DJL, JavaFX,
 * {@code engine}, {@code cli} or {@code ui}. {@code cli} and {@code ui} may import it: the
 * {@code report} command writes its page, and the lab window shows the same {@code JFreeChart}
 * objects in a {@code ChartViewer}. An ArchUnit rule keeps this true.
 */
package org.mlaan.lab.report;
