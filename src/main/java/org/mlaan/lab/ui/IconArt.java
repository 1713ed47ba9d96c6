package org.mlaan.lab.ui;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;

/**
 * The lab's icon, drawn in code so that the window icon and the installers' icon
 * ({@code assets/icon.png}, written by {@link #main}) are the same picture: a network cut into
 * four coloured modules, with a leap arc from the first module over the next ones.
 */
public final class IconArt {
    private static final Color[] MODULES = {Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#59a14f"),
        Color.web("#e15759")};

    private IconArt() {}

    /** The icon at {@code size} pixels (FX thread). */
    public static Image image(int size) {
        Canvas canvas = new Canvas(size, size);
        draw(canvas.getGraphicsContext2D(), size);
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        return canvas.snapshot(p, new WritableImage(size, size));
    }

    private static void draw(GraphicsContext g, double s) {
        g.setFill(Color.web("#1f2a3c"));
        g.fillRoundRect(0, 0, s, s, s * 0.22, s * 0.22);
        double top = s * 0.56;
        double h = s * 0.22;
        double w = s * 0.17;
        double gap = s * 0.045;
        double x = (s - 4 * w - 3 * gap) / 2;
        for (int i = 0; i < 4; i++) {
            g.setFill(MODULES[i]);
            g.fillRoundRect(x + i * (w + gap), top, w, h, s * 0.04, s * 0.04);
        }
        g.setStroke(Color.web("#f4f4f4"));
        g.setLineWidth(s * 0.035);
        g.setLineCap(StrokeLineCap.ROUND);
        double from = x + w / 2;
        double to = x + 3 * (w + gap) + w / 2;
        g.strokeArc(from, top - s * 0.30, to - from, s * 0.52, 15, 150, ArcType.OPEN);
        g.setFill(Color.web("#f4f4f4"));
        g.fillOval(to - s * 0.035, top - s * 0.055, s * 0.07, s * 0.07);
    }
}
