package org.mlaan.lab.analysis.result;

/**
 * One method's memory in a training step (MLAAN paper, Table 3), measured in its own process.
 *
 * @param method the method label
 * @param arch the network
 * @param split how it was cut (a preset name or "K modules"); empty for BP
 * @param batchSize the batch
 * @param device where it ran
 * @param liveBytes peak bytes of live tensors in a step
 * @param processBytes process peak: resident set on the CPU
 * @param deviceBytes peak device memory on a GPU, -1 on the CPU
 */
public record MemoryRow(String method, String arch, String split, int batchSize, String device, long liveBytes,
        long processBytes, long deviceBytes) {

    /** The process figure that matters on this device: GPU memory when measured, else the resident set. */
    public long processPeak() {
        return deviceBytes >= 0 ? deviceBytes : processBytes;
    }
}
