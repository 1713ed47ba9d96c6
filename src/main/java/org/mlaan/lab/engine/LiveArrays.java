package org.mlaan.lab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Counts the arrays a manager holds, its sub-managers' included (DJL keeps every op result in one). */
final class LiveArrays {
    private LiveArrays() {}

    /** Number of live arrays under {@code manager}. */
    static int count(NDManager manager) {
        return manager.getManagedArrays().size();
    }

    /** Bytes of the live arrays under {@code manager}. */
    static long bytes(NDManager manager) {
        long total = 0;
        for (NDArray a : manager.getManagedArrays()) {
            total += a.getShape().size() * a.getDataType().getNumOfBytes();
        }
        return total;
    }
}
