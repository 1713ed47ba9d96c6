package org.mlaan.lab.engine;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * How much memory the device a run trains on has: a GPU's own memory, or on the CPU the machine's
 * physical memory (libtorch allocates outside the Java heap, so the heap limit is not the bound).
 */
final class DeviceMemory {
    private DeviceMemory() {}

    /** Total bytes of {@code device}, or -1 when neither CUDA nor the JVM can say. */
    static long totalBytes(Device device) {
        if (device.isGpu()) {
            try {
                return CudaUtils.getGpuMemory(device).getMax();
            } catch (RuntimeException e) {
                return -1;
            }
        }
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean hotspot ? hotspot.getTotalMemorySize() : -1;
    }

    /** Who has that memory, for messages: {@code gpu(1)} or {@code this machine}. */
    static String holder(Device device) {
        return device.isGpu() ? "gpu(" + device.getDeviceId() + ")" : "this machine";
    }
}
