package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.config.ConfigException;

class BenchmarkTest {

    @Test
    void threeStepBenchmarkReportsPositiveFigures() throws Exception {
        BenchResult r = Benchmark.run(TinyData.config("bench", 1, 8, null), 3, "cpu",
                TinyData.make(40, 8, 16, 4, 1));
        assertEquals("resnet20", r.arch());
        assertEquals("BP", r.method());
        assertEquals(8, r.batchSize());
        assertEquals(3, r.steps());
        assertTrue(r.device().startsWith("cpu()"), r.device());
        assertTrue(r.imagesPerSecond() > 0, "images/s " + r.imagesPerSecond());
        assertTrue(r.secondsPerStep() > 0);
        if (Files.isReadable(Path.of("/proc/self/status"))) {
            assertTrue(r.peakRssBytes() > 0, "VmHWM " + r.peakRssBytes());
        } else {
            assertEquals(-1, r.peakRssBytes());
        }
        assertEquals(-1, r.peakDeviceBytes(), "no device memory figure on the CPU");
    }

    @Test
    void benchmarkOfALocalConfigWithABadSplitIsRejectedWithThePlannersMessage() {
        ConfigException e = assertThrows(ConfigException.class, () -> Benchmark.run(
                TinyData.config("bench", 1, 8, null).withMethod("MAN")
                        .withSplit(org.mlaan.lab.core.config.SplitConfig.cuts(java.util.List.of("4.0"))), 3, "cpu",
                TinyData.make(8, 8, 16, 4, 1)));
        assertTrue(e.getMessage().startsWith("config: split.cutsAfter: "), e.getMessage());
    }

    @Test
    void localMethodBenchmarkReportsThroughputAndAStepPeak() throws Exception {
        BenchResult r = Benchmark.run(TinyData.config("bench", 1, 4, null).withMethod("DGL+MLAAN")
                .withSplit(org.mlaan.lab.core.config.SplitConfig.cuts(java.util.List.of("1.2", "2.1"))), 2, "cpu",
                TinyData.make(16, 8, 16, 4, 1));
        assertEquals("DGL+MLAAN", r.method());
        assertTrue(r.imagesPerSecond() > 0);
        assertTrue(r.peakLiveBytes() > 4L * 16 * 16 * 16 * 4, "peak " + r.peakLiveBytes());
    }
}
