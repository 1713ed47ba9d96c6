package org.mlaan.lab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.color.ColormapTable;
import org.mlaan.lab.core.config.Method;

class FeatureMapFigureTest {

    @Test
    void eachRunIsARowAndEachImageAColumnOfImageAndChannelMeanHeatmap() {
        BufferedImage img = FeatureMapFigure.draw(List.of(ReportFixtures.featureMaps("bp", Method.BP, 0),
                ReportFixtures.featureMaps("mlaan", Method.DGL_MLAAN, 5)), "1.0");
        Rectangle lastHeat = FeatureMapFigure.heatmapCell(1, 1);
        assertEquals(lastHeat.x + lastHeat.width + FeatureMapFigure.COLUMN_GAP, img.getWidth());
        assertEquals(lastHeat.y + lastHeat.height + FeatureMapFigure.ROW_GAP, img.getHeight());

        Rectangle cat = FeatureMapFigure.imageCell(1, 0);
        assertEquals(0xff0000, img.getRGB(cat.x + 5, cat.y + 5) & 0xffffff, "test image #3 is red");
        Rectangle ship = FeatureMapFigure.imageCell(0, 1);
        assertEquals(0x0000ff, img.getRGB(ship.x + 5, ship.y + 5) & 0xffffff, "test image #7 is blue");

        // 2x2 channel mean: top left is the maximum, bottom right the minimum, whatever the offset.
        for (int row = 0; row < 2; row++) {
            Rectangle h = FeatureMapFigure.heatmapCell(row, 0);
            assertEquals(ColormapTable.VIRIDIS.argb(1), img.getRGB(h.x + 5, h.y + 5));
            assertEquals(ColormapTable.VIRIDIS.argb(0), img.getRGB(h.x + h.width - 5, h.y + h.height - 5));
            assertEquals(ColormapTable.VIRIDIS.argb(1.0 / 9), img.getRGB(h.x + h.width - 5, h.y + 5));
        }
    }

    @Test
    void aUnitARunDidNotTapLeavesItsCellsGrey() {
        BufferedImage img = FeatureMapFigure.draw(List.of(ReportFixtures.featureMaps("bp", Method.BP, 0)), "3.2");
        Rectangle h = FeatureMapFigure.heatmapCell(0, 0);
        assertEquals(0xf0f1f3, img.getRGB(h.x + h.width - 3, h.y + h.height - 3) & 0xffffff);
    }
}
