package org.mlaan.lab.ui.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class HeatmapViewTest {
    private HeatmapView view;

    /** A 2x2 grey image under a 2x2 map with its one hot cell bottom right. */
    private static final float[] GREY = {0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f};
    private static final float[] HOT_BOTTOM_RIGHT = {0f, 0f, 0f, 1f};

    @Start
    void start(Stage stage) {
        view = new HeatmapView();
        view.resizeRelocate(0, 0, 100, 100);
        Pane root = new Pane(view);
        stage.setScene(new Scene(root, 100, 100));
        stage.show();
    }

    private int pixel(int x, int y) {
        WritableImage img = FeatureFixtures.snapshot(view);
        return img.getPixelReader().getArgb(x, y);
    }

    @Test
    void atFullOpacityTheHotAndColdCellsShowTheColormapsEnds(FxRobot robot) {
        robot.interact(() -> {
            view.setSmooth(false);
            view.mapOpacityProperty().set(1);
            view.show(GREY, 2, 2, HOT_BOTTOM_RIGHT, 2, 2);
        });
        int hot = pixel(75, 75);
        int cold = pixel(25, 25);
        assertNotEquals(hot, cold);
        assertEquals(FeatureFixtures.hex(Colormap.VIRIDIS.argb(1)), FeatureFixtures.hex(hot));
        assertEquals(FeatureFixtures.hex(Colormap.VIRIDIS.argb(0)), FeatureFixtures.hex(cold));
    }

    @Test
    void atZeroOpacityOnlyTheImageShows(FxRobot robot) {
        robot.interact(() -> {
            view.setSmooth(false);
            view.mapOpacityProperty().set(0);
            view.show(GREY, 2, 2, HOT_BOTTOM_RIGHT, 2, 2);
        });
        assertEquals(pixel(25, 25), pixel(75, 75));
        assertEquals("#ff808080", FeatureFixtures.hex(pixel(75, 75)));
    }

    @Test
    void halfOpacityBlendsTheMapOverTheImage(FxRobot robot) {
        robot.interact(() -> {
            view.setSmooth(false);
            view.mapOpacityProperty().set(0.5);
            view.show(GREY, 2, 2, HOT_BOTTOM_RIGHT, 2, 2);
        });
        int hot = Colormap.VIRIDIS.argb(1);
        int expectedRed = (int) Math.round(0.5 * 127.5 + 0.5 * (hot >> 16 & 0xff));
        int red = pixel(75, 75) >> 16 & 0xff;
        assertEquals(expectedRed, red, 1.0);
    }

    @Test
    void aSharedRangeWiderThanTheMapDimsItsHotCell(FxRobot robot) {
        robot.interact(() -> {
            view.setSmooth(false);
            view.mapOpacityProperty().set(1);
            view.show(GREY, 2, 2, HOT_BOTTOM_RIGHT, 2, 2);
            view.setRange(0f, 2f);
        });
        assertEquals(FeatureFixtures.hex(Colormap.VIRIDIS.argb(0.5)), FeatureFixtures.hex(pixel(75, 75)));
        robot.interact(view::clearRange);
        assertEquals(FeatureFixtures.hex(Colormap.VIRIDIS.argb(1)), FeatureFixtures.hex(pixel(75, 75)));
    }

    @Test
    void aSmallMapIsUpscaledOverALargerImage(FxRobot robot) {
        float[] image = new float[8 * 8 * 3];
        robot.interact(() -> {
            view.setSmooth(false);
            view.mapOpacityProperty().set(1);
            view.show(image, 8, 8, HOT_BOTTOM_RIGHT, 2, 2);
        });
        assertEquals(FeatureFixtures.hex(Colormap.VIRIDIS.argb(1)), FeatureFixtures.hex(pixel(60, 60)));
        assertEquals(FeatureFixtures.hex(Colormap.VIRIDIS.argb(0)), FeatureFixtures.hex(pixel(40, 40)));
    }

    @Test
    void theColormapCanBeChanged(FxRobot robot) {
        robot.interact(() -> {
            view.setSmooth(false);
            view.mapOpacityProperty().set(1);
            view.show(null, 0, 0, HOT_BOTTOM_RIGHT, 2, 2);
            view.colormapProperty().set(Colormap.INFERNO);
        });
        assertEquals(FeatureFixtures.hex(Colormap.INFERNO.argb(1)), FeatureFixtures.hex(pixel(75, 75)));
    }
}
