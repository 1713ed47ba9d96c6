package org.mlaan.lab.ui.features;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.mlaan.lab.core.config.DatasetConfig;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.NetworkConfig;
import org.mlaan.lab.core.config.SplitConfig;
import org.mlaan.lab.core.config.TrainingConfig;
import org.mlaan.lab.core.run.FeatureMaps;
import org.testfx.util.WaitForAsyncUtils;

/** Hand-made feature maps, tiny configs and pixel reading for the feature-map views' tests. */
final class FeatureFixtures {
    static final List<String> UNITS = List.of("stem", "1.0", "1.1", "2.0");
    static final List<String> CLASSES = List.of("ring", "cross", "stripes", "dots");

    private FeatureFixtures() {}

    /**
     * Maps of four 8x8 images at {@link #UNITS}: unit u's maps are 4x4 with a hot cell at
     * (u, u) for the mean and at other places for the channels, so that every unit draws differently.
     */
    static FeatureMaps maps(long step, int epoch) {
        List<FeatureMaps.Image> images = new ArrayList<>();
        for (int k = 0; k < CLASSES.size(); k++) {
            float[] rgb = new float[8 * 8 * 3];
            for (int p = 0; p < 64; p++) {
                rgb[p * 3] = (p % 8) / 7f;
                rgb[p * 3 + 1] = (p / 8) / 7f;
                rgb[p * 3 + 2] = k / 3f;
            }
            List<FeatureMaps.UnitMap> unitMaps = new ArrayList<>();
            for (int u = 0; u < UNITS.size(); u++) {
                List<float[]> top = new ArrayList<>();
                for (int t = 0; t < FeatureMaps.TOP_CHANNELS; t++) {
                    top.add(hot(4, 4, (u + t + 1) % 4, (k + t) % 4));
                }
                unitMaps.add(new FeatureMaps.UnitMap(UNITS.get(u), 16, 4, 4, hot(4, 4, u, u), new int[] {7, 3, 11},
                        top));
            }
            images.add(new FeatureMaps.Image(k, k, CLASSES.get(k), 8, 8, rgb, unitMaps));
        }
        return new FeatureMaps(step, epoch, UNITS, images);
    }

    /** An h x w map of zeros with a 1 at (y, x). */
    static float[] hot(int h, int w, int y, int x) {
        float[] m = new float[h * w];
        m[y * w + x] = 1f;
        return m;
    }

    /** ResNet-20 cut after 1.1, 2.0 and 2.2, 128 built-in training images and 40 test images, three steps of 32. */
    static ExperimentConfig tinyConfig(String method) {
        TrainingConfig t = new TrainingConfig(1, 32, 0.05, 0.9, true, 5e-4, "constant", 0, 0.01, 1, 3);
        return new ExperimentConfig("tiny", null, new NetworkConfig("resnet20"),
                new DatasetConfig("builtin", null, 128, 40, null, null, null), method,
                SplitConfig.cuts(List.of("1.1", "2.0", "2.2")), null, t, 7L, "cpu");
    }

    /** What {@code node} draws now, as a snapshot taken on the FX thread. */
    static WritableImage snapshot(Node node) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("snapshot failed", e);
        }
    }

    /** Every pixel of {@code image}, ARGB, row by row. */
    static int[] pixels(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] out = new int[w * h];
        PixelReader r = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = r.getArgb(x, y);
            }
        }
        return out;
    }

    static String hex(int argb) {
        return String.format("#%08x", argb);
    }
}
