package org.mlaan.lab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.NetworkConfig;
import org.mlaan.lab.core.config.TrainingConfig;
import org.mlaan.lab.data.ImageSet;
import org.mlaan.lab.data.LoadedData;
import org.mlaan.lab.data.Normalization;
import org.mlaan.lab.data.PadCropFlip;

/** Small generated data sets and configs for engine tests: each class is a colour plus noise. */
final class TinyData {
    private TinyData() {}

    /** {@code train} and {@code test} images of edge {@code size}, {@code classes} classes, CIFAR-style augmentation. */
    static LoadedData make(int train, int test, int size, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] colours = new int[classes][3];
        for (int[] c : colours) {
            for (int ch = 0; ch < 3; ch++) {
                c[ch] = random.nextInt(256);
            }
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            names.add("class" + k);
        }
        return new LoadedData(set("train", train, size, names, colours, random),
                set("test", test, size, names, colours, random),
                new PadCropFlip(2, PadCropFlip.PadMode.REFLECT, true, Normalization.HALF),
                PadCropFlip.plain(Normalization.HALF));
    }

    private static ImageSet set(String name, int n, int size, List<String> names, int[][] colours,
            SplittableRandom random) {
        byte[] pixels = new byte[n * 3 * size * size];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(names.size());
            for (int ch = 0; ch < 3; ch++) {
                for (int p = 0; p < size * size; p++) {
                    int v = colours[labels[i]][ch] + random.nextInt(-60, 61);
                    pixels[(i * 3 + ch) * size * size + p] = (byte) Math.max(0, Math.min(255, v));
                }
            }
        }
        return new ImageSet(name, names, 3, size, size, pixels, labels);
    }

    /** Local settings that replace module {@code module}'s leap list. */
    static org.mlaan.lab.core.config.LocalConfig leapOverride(int module, List<String> leap) {
        return new org.mlaan.lab.core.config.LocalConfig(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, List.of(new org.mlaan.lab.core.config.ModuleOverride(module, null,
                        null, null, null, null, leap, null, null)));
    }

    /** ResNet-20, BP, cosine without warm-up, the given batch, epochs and steps per epoch. */
    static ExperimentConfig config(String name, int epochs, int batch, Integer stepsPerEpoch) {
        TrainingConfig t = new TrainingConfig(epochs, batch, 0.05, 0.9, true, 5e-4, "cosine", 0, 0.01, 1,
                stepsPerEpoch);
        return new ExperimentConfig(name, null, new NetworkConfig("resnet20"), null, "BP", null, null, t, 7L, "cpu");
    }
}
