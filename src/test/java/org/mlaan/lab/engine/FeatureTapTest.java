package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.config.DatasetConfig;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.NetworkConfig;
import org.mlaan.lab.core.config.TrainingConfig;
import org.mlaan.lab.core.run.FeatureMaps;
import org.mlaan.lab.core.run.RunFinished;
import org.mlaan.lab.core.run.RunListener;
import org.mlaan.lab.data.ImageSet;

class FeatureTapTest {

    /** ResNet-20 on 128 built-in training images and 40 test images: three steps of 32. */
    static ExperimentConfig tinyBuiltin(String method) {
        TrainingConfig t = new TrainingConfig(1, 32, 0.05, 0.9, true, 5e-4, "constant", 0, 0.01, 1, 3);
        return new ExperimentConfig("taps", null, new NetworkConfig("resnet20"),
                new DatasetConfig("builtin", null, 128, 40, null, null, null), method, null, null, t, 7L, "cpu");
    }

    private static ImageSet labelled(int... labels) {
        List<String> names = List.of("a", "b", "c", "d");
        return new ImageSet("t", names, 1, 1, 1, new byte[labels.length], labels);
    }

    @Test
    void strongestListsTheLargestValuesLargestFirst() {
        assertArrayEquals(new int[] {3, 0, 2}, FeatureTap.strongest(new float[] {5f, -1f, 2f, 9f, 1f}, 3));
    }

    @Test
    void strongestBreaksTiesByTheLowerIndexAndStopsAtTheLength() {
        assertArrayEquals(new int[] {1, 2, 0}, FeatureTap.strongest(new float[] {0f, 4f, 4f}, 5));
    }

    @Test
    void firstOfEachClassPicksTheFirstImageOfClassesZeroUpwards() {
        ImageSet set = labelled(2, 0, 0, 3, 1, 2, 1);
        assertArrayEquals(new int[] {1, 4, 0}, FeatureTap.firstOfEachClass(set, 3));
        assertArrayEquals(new int[] {1, 4, 0, 3}, FeatureTap.firstOfEachClass(set, 10),
                "no more images than classes");
    }

    @Test
    void firstOfEachClassFallsBackToTheFirstImagesWhenAClassIsMissing() {
        ImageSet set = labelled(0, 0, 2, 2, 0);
        assertArrayEquals(new int[] {0, 1, 2}, FeatureTap.firstOfEachClass(set, 3));
    }

    @Test
    void aRunSendsMapsBeforeTheFirstStepAndAfterEveryStep() throws Exception {
        List<FeatureMaps> maps = new ArrayList<>();
        RunFinished finished;
        try (TrainingRun run = TrainingRun.create(tinyBuiltin("BP"), RunOptions.withoutFolder())) {
            finished = run.tapFeatureMaps(1, 4).run(new RunListener() {
                @Override
                public void onFeatureMaps(FeatureMaps m) {
                    maps.add(m);
                }
            });
        }
        assertEquals(RunFinished.Status.COMPLETED, finished.status());
        assertEquals(List.of(0L, 1L, 2L, 3L), maps.stream().map(FeatureMaps::globalStep).toList());
        FeatureMaps first = maps.get(0);
        assertEquals(List.of("stem", "1.0", "1.1", "1.2", "2.0", "2.1", "2.2", "3.0", "3.1", "3.2"), first.units());
        assertEquals(4, first.images().size());
        for (int k = 0; k < 4; k++) {
            FeatureMaps.Image image = first.images().get(k);
            assertEquals(k, image.label(), "the first test image of each class, in class order");
            assertEquals(32, image.height());
            assertEquals(32 * 32 * 3, image.rgb().length);
            for (float v : image.rgb()) {
                assertTrue(v >= 0f && v <= 1f, "rgb in 0..1: " + v);
            }
            assertEquals(first.units().size(), image.maps().size());
        }
        float[] rgb = first.images().get(0).rgb();
        float lo = rgb[0];
        float hi = rgb[0];
        for (float v : rgb) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        assertTrue(hi - lo > 0.2f, "a picture, not a flat grey: " + lo + ".." + hi);

        FeatureMaps.UnitMap stem = first.images().get(0).maps().get(0);
        assertEquals("stem", stem.unit());
        assertEquals(16, stem.channels());
        assertEquals(32, stem.height());
        assertEquals(32, stem.width());
        assertEquals(32 * 32, stem.channelMean().length);
        assertEquals(FeatureMaps.TOP_CHANNELS, stem.topChannels().length);
        assertEquals(FeatureMaps.TOP_CHANNELS, stem.topMaps().size());
        assertEquals(32 * 32, stem.topMaps().get(0).length);
        FeatureMaps.UnitMap last = first.images().get(0).maps().get(first.unitIndex("3.2"));
        assertEquals(64, last.channels());
        assertEquals(8, last.height());
        assertEquals(8 * 8, last.channelMean().length);
        FeatureMaps.UnitMap mid = first.images().get(0).maps().get(first.unitIndex("2.0"));
        assertEquals(32, mid.channels());
        assertEquals(16, mid.width());

        float[] before = first.images().get(0).maps().get(first.unitIndex("1.1")).channelMean();
        float[] after = maps.get(3).images().get(0).maps().get(first.unitIndex("1.1")).channelMean();
        assertFalse(Arrays.equals(before, after), "three steps of training change the maps");
        assertEquals(first.images().get(0).testIndex(), maps.get(3).images().get(0).testIndex(),
                "the same images all along");
    }

    @Test
    void topChannelsAreTheChannelsWithTheLargestMeanAndTheirMapsAreTheirs() throws Exception {
        List<FeatureMaps> maps = new ArrayList<>();
        try (TrainingRun run = TrainingRun.create(tinyBuiltin("BP"), RunOptions.withoutFolder())) {
            run.tapFeatureMaps(0, 2);
            run.tapFeatureMaps(3, 2).run(new RunListener() {
                @Override
                public void onFeatureMaps(FeatureMaps m) {
                    maps.add(m);
                }
            });
        }
        assertEquals(List.of(0L, 3L), maps.stream().map(FeatureMaps::globalStep).toList());
        FeatureMaps.UnitMap u = maps.get(1).images().get(1).maps().get(3);
        double[] means = new double[FeatureMaps.TOP_CHANNELS];
        for (int t = 0; t < means.length; t++) {
            for (float v : u.topMaps().get(t)) {
                means[t] += v;
            }
        }
        assertTrue(means[0] >= means[1] && means[1] >= means[2], Arrays.toString(means));
        // The channel mean is the mean over all channels, so the strongest channel's total is at least its total.
        double meanTotal = 0;
        for (float v : u.channelMean()) {
            meanTotal += v;
        }
        assertTrue(means[0] >= meanTotal - 1e-3, means[0] + " vs " + meanTotal);
    }
}
