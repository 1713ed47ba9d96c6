package org.mlaan.lab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.mlaan.lab.engine.BenchResult;
import org.mlaan.lab.engine.StepProfile;

/**
 * What {@code bench} and {@code memory} compare across methods: throughput, the peak bytes of
 * live tensors in a step, the process peak (resident set; device memory on a GPU), and the block
 * forwards and backwards a step makes.
 */
record MethodFigures(String method, String arch, int batchSize, String device, double imagesPerSecond,
        long peakLiveBytes, long peakRssBytes, long peakDeviceBytes, boolean isolated, int forwardBlocks,
        int backwardBlocks, double meterSecondsPerStep, StepProfile profile) {

    static MethodFigures of(BenchResult r, boolean isolated) {
        return new MethodFigures(r.method(), r.arch(), r.batchSize(), r.device(), r.imagesPerSecond(),
                r.peakLiveBytes(), r.peakRssBytes(), r.peakDeviceBytes(), isolated, r.forwardBlocks(),
                r.backwardBlocks(), r.meterSecondsPerStep(), r.profile());
    }

    /** From the JSON a child {@code bench --json} printed for one method. */
    static MethodFigures of(JsonNode n) {
        return new MethodFigures(n.get("method").asText(), n.get("arch").asText(), n.get("batchSize").asInt(),
                n.get("device").asText(), n.get("imagesPerSecond").asDouble(), n.get("peakLiveBytes").asLong(),
                n.get("peakRssBytes").asLong(), n.get("peakDeviceBytes").asLong(), true,
                n.path("forwardBlocks").asInt(-1), n.path("backwardBlocks").asInt(-1),
                n.path("meterSecondsPerStep").asDouble(Double.NaN), null);
    }

    /** The process peak that matters on this device: GPU memory when there is a figure, else RSS. */
    long processPeak() {
        return peakDeviceBytes >= 0 ? peakDeviceBytes : peakRssBytes;
    }
}
