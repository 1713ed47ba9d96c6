package org.mlaan.lab.engine;

/**
 * Throughput and memory of a short training benchmark.
 *
 * @param arch the network, e.g. {@code resnet32}
 * @param method the training method, e.g. {@code BP}
 * @param batchSize images per step
 * @param steps timed steps (warm-up steps excluded)
 * @param device the device in words
 * @param imagesPerSecond training images per second over the timed steps
 * @param secondsPerStep mean wall seconds of a timed step (batch assembly included)
 * @param peakRssBytes the process's peak resident memory (VmHWM), or -1 where unknown
 * @param peakDeviceBytes GPU memory in use at the end (device-wide, all processes), or -1 on the CPU
 * @param peakLiveBytes the largest live-tensor peak of one step (bytes of the arrays alive under
 *     the step's manager; for local methods the peak over its modules), over all steps
 * @param forwardBlocks block forwards per step (backbone units, stem and head included, plus leap
 *     and MAN blocks)
 * @param backwardBlocks block backwards per step, counted the same way
 * @param meterSecondsPerStep wall seconds per timed step spent reading the live-tensor peak (a
 *     training run reads it on sampled steps only)
 * @param profile one more step's phases and ops, or null when not asked for
 */
public record BenchResult(String arch, String method, int batchSize, int steps, String device,
        double imagesPerSecond, double secondsPerStep, long peakRssBytes, long peakDeviceBytes,
        long peakLiveBytes, int forwardBlocks, int backwardBlocks, double meterSecondsPerStep, StepProfile profile) {}
