package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveMeterTest {

    @Test
    void aSampledMeterReadsTheFirstStepsThenEveryNth() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.zeros(new Shape(10, 10)); // 400 bytes of float32
            LiveMeter meter = LiveMeter.sampled(4);
            List<Integer> read = new ArrayList<>();
            for (int step = 0; step < 14; step++) {
                meter.startStep();
                long bytes = meter.read(m);
                if (bytes >= 0) {
                    assertEquals(400, bytes);
                    read.add(step);
                } else {
                    assertEquals(-1, bytes);
                }
            }
            assertEquals(List.of(0, 1, 2, 3, 4, 8, 12), read);
            assertTrue(meter.nanos() > 0);
        }
    }

    @Test
    void everyStepMeansEveryStepAndZeroIsRefused() {
        try (NDManager m = NDManager.newBaseManager()) {
            LiveMeter meter = LiveMeter.everyStep();
            for (int step = 0; step < 30; step++) {
                meter.startStep();
                assertEquals(0, meter.read(m));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> LiveMeter.sampled(0));
    }
}
