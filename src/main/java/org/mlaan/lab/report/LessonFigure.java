package org.mlaan.lab.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.mlaan.lab.analysis.result.AblationMatrix;

/**
 * The lesson as one figure for a slide (issue 14, item 4): the five test-error curves and the MLM x
 * LAM matrix side by side as charts (vectors in SVG and PDF, with their legends and axis labels),
 * the five runs' feature maps at the same cut and step below them as a picture, the caption last.
 */
public final class LessonFigure {
    /** The figure's size in points (a 16:10 slide). */
    public static final int WIDTH = 1600;
    public static final int HEIGHT = 1000;
    private static final int TOP = 520;
    private static final int CAPTION = 70;

    private LessonFigure() {}

    /**
     * @param matrix the MLM x LAM matrix of the runs so far, or null before any has an epoch
     * @param maps the feature-map grid as shown, or null when there are no maps yet
     */
    public static VectorCharts.Figure of(List<ReportCharts.LessonCurve> curves, int imagesPerEpoch,
            AblationMatrix matrix, BufferedImage maps, String caption) {
        List<VectorCharts.Part> parts = new ArrayList<>();
        double curvesWidth = matrix == null ? WIDTH : 900;
        parts.add(new VectorCharts.Part.Chart(ReportCharts.lessonCurves(curves, imagesPerEpoch),
                new Rectangle2D.Double(0, 0, curvesWidth, TOP)));
        if (matrix != null) {
            parts.add(new VectorCharts.Part.Chart(ReportCharts.ablationMatrix(matrix),
                    new Rectangle2D.Double(curvesWidth, 0, WIDTH - curvesWidth, TOP)));
        }
        if (maps != null) {
            // As large as fits below the charts, its own proportions kept, centred.
            double room = HEIGHT - TOP - CAPTION;
            double scale = Math.min(WIDTH / (double) maps.getWidth(), room / maps.getHeight());
            double w = maps.getWidth() * scale;
            double h = maps.getHeight() * scale;
            parts.add(new VectorCharts.Part.Picture(maps, new Rectangle2D.Double((WIDTH - w) / 2, TOP + 4, w, h)));
        }
        parts.add(new VectorCharts.Part.Text(caption, new Font("SansSerif", Font.PLAIN, 18), new Color(0x33, 0x38, 0x3F),
                24, HEIGHT - CAPTION + 24, WIDTH - 48));
        return new VectorCharts.Figure("MLAAN Lab lesson: BP, DGL, DGL+MLM, DGL+LAM, DGL+MLAAN", WIDTH, HEIGHT, parts);
    }
}
