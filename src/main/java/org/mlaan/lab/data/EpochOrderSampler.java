package org.mlaan.lab.data;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A DJL {@link Sampler} that visits a data set in {@link EpochOrder}: a shuffle drawn from the seed
 * and the data set's current epoch (for a {@link LabImageDataset}; epoch 0 otherwise), cut into
 * batches with the short last batch kept, or plain order for evaluation.
 */
public final class EpochOrderSampler implements Sampler {
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;

    /** Shuffled batches for training. */
    public static EpochOrderSampler shuffled(int batchSize, long seed) {
        return new EpochOrderSampler(batchSize, true, seed);
    }

    /** Batches in index order, for evaluation. */
    public static EpochOrderSampler sequential(int batchSize) {
        return new EpochOrderSampler(batchSize, false, 0);
    }

    private EpochOrderSampler(int batchSize, boolean shuffle, long seed) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
    }

    @Override
    public Iterator<List<Long>> sample(RandomAccessDataset dataset) {
        int n = Math.toIntExact(dataset.size());
        int epoch = dataset instanceof LabImageDataset lab ? lab.epoch() : 0;
        int[] order = shuffle ? EpochOrder.shuffled(seed, epoch, n) : EpochOrder.sequential(n);
        List<List<Long>> batches = new ArrayList<>();
        for (int[] batch : EpochOrder.batches(order, batchSize)) {
            List<Long> indices = new ArrayList<>(batch.length);
            for (int i : batch) {
                indices.add((long) i);
            }
            batches.add(indices);
        }
        return batches.iterator();
    }

    @Override
    public int getBatchSize() {
        return batchSize;
    }
}
