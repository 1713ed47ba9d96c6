package org.mlaan.lab.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.mlaan.lab.core.plan.TensorShape;

/**
 * Builds one batch as two arrays, images (B, C, H, W) float32 and labels (B) int32, from an
 * {@link ImageSet} and a {@link SampleTransform}. The transform of sample {@code i} in epoch
 * {@code e} draws from a generator seeded by (seed, e, i) only, so augmentation does not depend on
 * batch composition or thread timing, and a resumed run repeats it exactly. One array is created
 * per batch: per-sample arrays would cost a native call each.
 */
public final class BatchAssembler {
    private final ImageSet set;
    private final SampleTransform transform;
    private final long seed;
    private final TensorShape sampleShape;

    public BatchAssembler(ImageSet set, SampleTransform transform, long seed) {
        this.set = set;
        this.transform = transform;
        this.seed = seed;
        this.sampleShape = transform.outputShape(set.shape());
    }

    public ImageSet set() {
        return set;
    }

    public TensorShape sampleShape() {
        return sampleShape;
    }

    /** Images and labels of the given indices, as {@code NDList(images, labels)} in {@code manager}. */
    public NDList batch(NDManager manager, int[] indices, int epoch) {
        int per = (int) sampleShape.elements();
        float[] pixels = new float[indices.length * per];
        int[] labels = new int[indices.length];
        fill(indices, epoch, pixels, labels);
        NDArray x = manager.create(pixels, new Shape(indices.length, sampleShape.channels(),
                sampleShape.height(), sampleShape.width()));
        NDArray y = manager.create(labels);
        return new NDList(x, y);
    }

    /** The same batch as plain arrays (for tests and previews). */
    public void fill(int[] indices, int epoch, float[] pixels, int[] labels) {
        int per = (int) sampleShape.elements();
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            SplittableRandom random = new SplittableRandom(Seeds.mix(seed, epoch, i));
            transform.apply(set, i, random, pixels, k * per);
            labels[k] = set.label(i);
        }
    }
}
