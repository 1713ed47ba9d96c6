package org.mlaan.lab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The order in which one epoch visits a data set: a shuffle drawn from (seed, epoch) alone, cut
 * into batches with the last one kept even when short (no drop_last, Part B §7). Because the order
 * depends on nothing else, a resumed run sees exactly the batches it would have seen.
 */
public final class EpochOrder {
    private EpochOrder() {}

    /** A permutation of 0..n-1 for this seed and epoch (Fisher-Yates). */
    public static int[] shuffled(long seed, int epoch, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, 0x5EED_0F_E90C4L, epoch));
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** 0..n-1 in order: the test set's order. */
    public static int[] sequential(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Consecutive slices of {@code order} of at most {@code batchSize} indices. */
    public static List<int[]> batches(int[] order, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        List<int[]> out = new ArrayList<>();
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            int[] batch = new int[end - start];
            System.arraycopy(order, start, batch, 0, batch.length);
            out.add(batch);
        }
        return out;
    }

    /** Number of batches of an epoch over n samples. */
    public static int batchCount(int n, int batchSize) {
        return (n + batchSize - 1) / batchSize;
    }
}
