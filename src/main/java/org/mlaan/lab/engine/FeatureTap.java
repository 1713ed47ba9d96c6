package org.mlaan.lab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.mlaan.lab.core.plan.Unit;
import org.mlaan.lab.core.run.FeatureMaps;
import org.mlaan.lab.data.BatchAssembler;
import org.mlaan.lab.data.ImageSet;
import org.mlaan.lab.data.Normalization;
import org.mlaan.lab.engine.net.Backbone;
import org.mlaan.lab.engine.net.NoGrad;

/**
 * Takes {@link FeatureMaps} of a few fixed test images (MLAAN paper, Figure 4): the backbone in
 * evaluation mode, no graph, the output of every unit but the head reduced to its channel mean
 * and its {@value FeatureMaps#TOP_CHANNELS} strongest channels. The images are the first test
 * image of each class in class order, so runs on the same data show the same pictures.
 */
final class FeatureTap {
    private final Backbone backbone;
    private final ParameterStore parameters;
    private final BatchAssembler test;
    private final Normalization normalization;
    private final int[] indices;

    FeatureTap(Backbone backbone, ParameterStore parameters, BatchAssembler test, Normalization normalization,
            int images) {
        this.backbone = backbone;
        this.parameters = parameters;
        this.test = test;
        this.normalization = normalization;
        this.indices = firstOfEachClass(test.set(), images);
    }

    /** The first test image of classes 0, 1, ... up to {@code count} images (fewer if the set has fewer classes). */
    static int[] firstOfEachClass(ImageSet set, int count) {
        int want = Math.min(count, set.numClasses());
        int[] chosen = new int[want];
        boolean[] seen = new boolean[set.numClasses()];
        int found = 0;
        for (int i = 0; i < set.size() && found < want; i++) {
            int label = set.label(i);
            if (label < want && !seen[label]) {
                seen[label] = true;
                chosen[label] = i;
                found++;
            }
        }
        if (found < want) {
            // A test set without some of the first classes: fill with the first images in order.
            int[] fallback = new int[Math.min(count, set.size())];
            for (int i = 0; i < fallback.length; i++) {
                fallback[i] = i;
            }
            return fallback;
        }
        return chosen;
    }

    FeatureMaps take(NDManager parent, long globalStep, int epoch) {
        List<Unit> units = backbone.plan().units();
        int tapped = units.size() - 1;
        List<String> names = new ArrayList<>();
        for (int u = 0; u < tapped; u++) {
            names.add(units.get(u).name());
        }
        List<List<FeatureMaps.UnitMap>> perImage = new ArrayList<>();
        for (int k = 0; k < indices.length; k++) {
            perImage.add(new ArrayList<>());
        }
        float[] pixels;
        int c0;
        int h0;
        int w0;
        try (NoGrad noGrad = NoGrad.enter(); NDManager manager = parent.newSubManager()) {
            NDList batch = test.batch(manager, indices, 0);
            NDArray x = batch.get(0);
            c0 = (int) x.getShape().get(1);
            h0 = (int) x.getShape().get(2);
            w0 = (int) x.getShape().get(3);
            pixels = x.toFloatArray();
            NDArray h = x;
            for (int u = 0; u < tapped; u++) {
                h = backbone.forward(parameters, h, u, u, false);
                addMaps(h, names.get(u), perImage);
            }
        }
        List<FeatureMaps.Image> images = new ArrayList<>();
        ImageSet set = test.set();
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            images.add(new FeatureMaps.Image(i, set.label(i), set.classNames().get(set.label(i)), h0, w0,
                    rgb(pixels, k, c0, h0, w0), perImage.get(k)));
        }
        return new FeatureMaps(globalStep, epoch, names, images);
    }

    private static void addMaps(NDArray out, String unit, List<List<FeatureMaps.UnitMap>> perImage) {
        int b = (int) out.getShape().get(0);
        int c = (int) out.getShape().get(1);
        int h = (int) out.getShape().get(2);
        int w = (int) out.getShape().get(3);
        float[] all = out.toFloatArray();
        int plane = h * w;
        for (int k = 0; k < b; k++) {
            float[] mean = new float[plane];
            float[] strength = new float[c];
            for (int ch = 0; ch < c; ch++) {
                int base = (k * c + ch) * plane;
                double sum = 0;
                for (int p = 0; p < plane; p++) {
                    float v = all[base + p];
                    mean[p] += v;
                    sum += v;
                }
                strength[ch] = (float) (sum / plane);
            }
            for (int p = 0; p < plane; p++) {
                mean[p] /= c;
            }
            int[] top = strongest(strength, FeatureMaps.TOP_CHANNELS);
            List<float[]> topMaps = new ArrayList<>();
            for (int ch : top) {
                int base = (k * c + ch) * plane;
                float[] map = new float[plane];
                System.arraycopy(all, base, map, 0, plane);
                topMaps.add(map);
            }
            perImage.get(k).add(new FeatureMaps.UnitMap(unit, c, h, w, mean, top, topMaps));
        }
    }

    /** Indices of the {@code n} largest values, largest first (ties: lower index first). */
    static int[] strongest(float[] values, int n) {
        int count = Math.min(n, values.length);
        int[] top = new int[count];
        boolean[] taken = new boolean[values.length];
        for (int t = 0; t < count; t++) {
            int best = -1;
            for (int i = 0; i < values.length; i++) {
                if (!taken[i] && (best < 0 || values[i] > values[best])) {
                    best = i;
                }
            }
            taken[best] = true;
            top[t] = best;
        }
        return top;
    }

    /** Image {@code k} of a normalised C,H,W batch as H*W*3 RGB in 0..1 (grey repeated when C = 1). */
    private float[] rgb(float[] batch, int k, int c, int h, int w) {
        float[] out = new float[h * w * 3];
        int plane = h * w;
        for (int p = 0; p < plane; p++) {
            for (int ch = 0; ch < 3; ch++) {
                int src = Math.min(ch, c - 1);
                float v = normalization.restore(src, batch[(k * c + src) * plane + p]);
                out[p * 3 + ch] = Math.max(0f, Math.min(1f, v));
            }
        }
        return out;
    }
}
