package org.mlaan.lab.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import java.util.SplittableRandom;
import org.mlaan.lab.core.plan.TensorShape;

/**
 * An {@link ImageSet} with its transform as a DJL {@link RandomAccessDataset}, so DJL's
 * {@code getData(manager)}, samplers, batchifiers and {@code EasyTrain} work with lab data. Sample
 * {@code i} is image (C, H, W) float32 and label int32 scalar, transformed with a generator
 * seeded by (seed, epoch, i) exactly as {@link BatchAssembler} does, so both paths give identical
 * samples; call {@link #setEpoch} before each epoch for fresh augmentation. For an order that
 * replays too, sample with {@link EpochOrderSampler} rather than DJL's unseeded shuffle.
 * The lab's engine uses {@link BatchAssembler} directly, which makes one array per batch instead
 * of two per sample.
 */
public final class LabImageDataset extends RandomAccessDataset {
    private final ImageSet set;
    private final SampleTransform transform;
    private final long seed;
    private final TensorShape sampleShape;
    private volatile int epoch;

    private LabImageDataset(Builder builder) {
        super(builder);
        this.set = builder.set;
        this.transform = builder.transform;
        this.seed = builder.seed;
        this.epoch = builder.epoch;
        this.sampleShape = transform.outputShape(set.shape());
    }

    public static Builder builder() {
        return new Builder();
    }

    public ImageSet set() {
        return set;
    }

    public int epoch() {
        return epoch;
    }

    /** The epoch whose augmentation {@link #get} draws from now on. */
    public void setEpoch(int epoch) {
        this.epoch = epoch;
    }

    public long seed() {
        return seed;
    }

    @Override
    public Record get(NDManager manager, long index) {
        int i = Math.toIntExact(index);
        float[] pixels = new float[(int) sampleShape.elements()];
        transform.apply(set, i, new SplittableRandom(Seeds.mix(seed, epoch, i)), pixels, 0);
        NDArray image = manager.create(pixels, new Shape(sampleShape.channels(), sampleShape.height(),
                sampleShape.width()));
        NDArray label = manager.create(set.label(i));
        return new Record(new NDList(image), new NDList(label));
    }

    @Override
    protected long availableSize() {
        return set.size();
    }

    /** Nothing to fetch: the images are already in memory. */
    @Override
    public void prepare(Progress progress) {}

    /** Builds a {@link LabImageDataset}: images and transform required, seed and epoch optional. */
    public static final class Builder extends BaseBuilder<Builder> {
        private ImageSet set;
        private SampleTransform transform;
        private long seed;
        private int epoch;

        @Override
        protected Builder self() {
            return this;
        }

        public Builder setImages(ImageSet set) {
            this.set = set;
            return this;
        }

        public Builder setTransform(SampleTransform transform) {
            this.transform = transform;
            return this;
        }

        /** Seed of the augmentation (default 0). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** First epoch (default 0). */
        public Builder optEpoch(int epoch) {
            this.epoch = epoch;
            return this;
        }

        public LabImageDataset build() {
            if (set == null || transform == null) {
                throw new IllegalArgumentException("a LabImageDataset needs setImages and setTransform");
            }
            if (getSampler() == null) {
                throw new IllegalArgumentException("a LabImageDataset needs setSampling (batch size and order)");
            }
            return new LabImageDataset(this);
        }
    }
}
