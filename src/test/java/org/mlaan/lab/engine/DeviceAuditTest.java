package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The device audit a run makes after its first step (every method passes it on the CPU in
 * {@link EveryMethodTrainsTest}, where a failed audit would end the run FAILED).
 */
class DeviceAuditTest {

    @Test
    void arraysOnTheRunsDevicePass() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            m.ones(new ai.djl.ndarray.types.Shape(2, 3));
            m.zeros(new ai.djl.ndarray.types.Shape(4));
            assertTrue(DeviceAudit.offDevice(m, Device.cpu()).isEmpty());
        }
    }

    @Test
    void arraysOnAnotherDeviceAreNamedWithShapeAndDevice() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            m.ones(new ai.djl.ndarray.types.Shape(2, 3)).setName("twin.weight");
            m.zeros(new ai.djl.ndarray.types.Shape(4));
            List<String> off = DeviceAudit.offDevice(m, Device.gpu(0));
            assertEquals(2, off.size());
            String message = DeviceAudit.message(off, Device.gpu(0));
            assertTrue(message.startsWith("2 array(s) are not on the run's device gpu(0)"), message);
            assertTrue(message.contains("twin.weight (2, 3) on cpu()"), message);
        }
    }
}
