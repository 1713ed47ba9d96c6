package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class DeviceMemoryTest {

    @Test
    void theCpuHasTheMachinesPhysicalMemoryNotTheJavaHeap() {
        long total = DeviceMemory.totalBytes(Device.cpu());
        assertTrue(total > Runtime.getRuntime().maxMemory(), total + " bytes");
        assertEquals("this machine", DeviceMemory.holder(Device.cpu()));
    }

    @Test
    void aGpuIsNamedByItsIndex() {
        assertEquals("gpu(1)", DeviceMemory.holder(Device.gpu(1)));
    }
}
