package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class DeviceChoiceTest {
    private static final String ENGINE = "PyTorch 2.7.1";

    @Test
    void autoWithoutGpuRunsOnCpuAndSaysWhy() {
        DeviceChoice c = DeviceChoice.resolve("auto", 0, ENGINE);
        assertEquals(Device.cpu(), c.device());
        assertTrue(c.notice().startsWith("No CUDA GPU was found by DJL's PyTorch engine"), c.notice());
        assertTrue(c.notice().contains("training runs on the CPU"), c.notice());
        assertTrue(c.description().startsWith("cpu() (PyTorch 2.7.1"), c.description());
    }

    @Test
    void autoWithGpusTakesTheFirstWithoutNotice() {
        DeviceChoice c = DeviceChoice.resolve("auto", 2, ENGINE);
        assertEquals(Device.gpu(0), c.device());
        assertEquals("", c.notice());
    }

    @Test
    void explicitCpuHasNoNotice() {
        DeviceChoice c = DeviceChoice.resolve("cpu", 1, ENGINE);
        assertEquals(Device.cpu(), c.device());
        assertEquals("", c.notice());
    }

    @Test
    void explicitGpuIndexIsHonoured() {
        assertEquals(Device.gpu(1), DeviceChoice.resolve("gpu:1", 2, ENGINE).device());
        assertEquals(Device.gpu(0), DeviceChoice.resolve("GPU", 1, ENGINE).device());
    }

    @Test
    void explicitGpuWithoutCudaFailsWithAdvice() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeviceChoice.resolve("gpu", 0, ENGINE));
        assertEquals("--device gpu: DJL's PyTorch engine found no CUDA GPU (this build uses the CPU libtorch"
                + " from pytorch-native-cpu); use --device cpu or see README 'GPU'", e.getMessage());
    }

    @Test
    void gpuIndexBeyondTheGpusFoundFails() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeviceChoice.resolve("gpu:2", 2, ENGINE));
        assertEquals("--device gpu:2: DJL's PyTorch engine found 2 CUDA GPUs (gpu:0..gpu:1); pick one of them"
                + " or use --device cpu", e.getMessage());
    }

    @Test
    void gpuIndexPastAnIntIsAGpuThatIsNotThereNotANumberFormatError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeviceChoice.resolve("gpu:99999999999", 2, ENGINE));
        assertEquals(IllegalArgumentException.class, e.getClass(), "not a NumberFormatException");
        assertTrue(e.getMessage().startsWith("--device gpu:99999999999: DJL's PyTorch engine found 2 CUDA GPUs"),
                e.getMessage());
    }

    @Test
    void unknownSpecIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeviceChoice.resolve("tpu", 0, ENGINE));
        assertEquals("--device tpu: expected auto, cpu, gpu or gpu:N", e.getMessage());
    }

    @Test
    void thisMachineResolvesAuto() {
        DeviceChoice c = DeviceChoice.resolve("auto");
        assertTrue(c.device().equals(Device.cpu()) || c.device().isGpu());
    }
}
