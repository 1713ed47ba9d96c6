package org.mlaan.lab.engine;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory figures DJL can give (STACK.md: libtorch's allocator peak is not exposed): the process's
 * peak resident set from {@code /proc/self/status} (VmHWM), and the GPU's used memory.
 */
final class PeakMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private PeakMemory() {}

    /** Peak resident bytes of this process, or -1 where {@code /proc} is not there. */
    static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Device-wide used bytes of a GPU (all processes), or -1 on the CPU. */
    static long deviceUsedBytes(Device device) {
        if (!device.isGpu()) {
            return -1;
        }
        try {
            MemoryUsage usage = CudaUtils.getGpuMemory(device);
            return usage.getUsed();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
