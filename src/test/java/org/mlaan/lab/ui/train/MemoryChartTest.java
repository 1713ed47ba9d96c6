package org.mlaan.lab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlaan.lab.core.run.StepMetrics;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MemoryChartTest {
    private static final double MIB = 1024.0 * 1024.0;

    @Start
    void start(Stage stage) {
        stage.show();
    }

    private static StepMetrics step(long global, long live, long device) {
        return new StepMetrics(0, (int) global, global, 2.3, new double[] {2.3}, 0.1, 0.1, 100, 10, live, device);
    }

    @Test
    void gpuMemoryIsDrawnInMibWhenTheStepsCarryIt() throws Exception {
        MemoryChart chart = WaitForAsyncUtils.asyncFx(MemoryChart::new).get();
        WaitForAsyncUtils.asyncFx(() -> chart.addSteps(List.of(step(0, 64 * (long) MIB, 900 * (long) MIB),
                step(1, 80 * (long) MIB, 1000 * (long) MIB)))).get();

        assertEquals(2, chart.deviceCurve().series().getItemCount());
        assertEquals(1000.0, chart.deviceCurve().series().getY(1).doubleValue(), 1e-9);
        assertEquals(80.0, chart.liveCurve().series().getY(1).doubleValue(), 1e-9);
    }

    @Test
    void cpuStepsShowNoGpuSeriesButTheProcessPeakBesideTheLiveTensors() throws Exception {
        MemoryChart chart = WaitForAsyncUtils.asyncFx(MemoryChart::new).get();
        StepMetrics withProcess = new StepMetrics(0, 1, 1, 2.3, new double[] {2.3}, 0.1, 0.1, 100, 10,
                70 * (long) MIB, -1, new double[0], new double[0], 900 * (long) MIB);
        WaitForAsyncUtils.asyncFx(() -> chart.addSteps(List.of(step(0, 64 * (long) MIB, -1), withProcess))).get();

        assertNull(chart.deviceCurve(), "no GPU on this run: no GPU series in the legend");
        List<Object> keys = new java.util.ArrayList<>();
        for (int i = 0; i < chart.dataset.getSeriesCount(); i++) {
            keys.add(chart.dataset.getSeriesKey(i));
        }
        assertFalse(keys.contains("GPU memory"), keys.toString());
        assertTrue(keys.contains("process peak (RSS)") && keys.contains("live tensors (peak)"), keys.toString());
        assertEquals(900.0, chart.processCurve().series().getY(0).doubleValue(), 1e-9);
        assertEquals(2, chart.liveCurve().series().getItemCount());
        assertFalse(((org.jfree.chart.axis.NumberAxis) chart.plot.getRangeAxis()).getAutoRangeIncludesZero(),
                "the axis spans the values, so 302 against 330 MiB shows as a difference");

        WaitForAsyncUtils.asyncFx(chart::reset).get();
        assertNull(chart.processCurve(), "a new run starts without it until it has one");
    }
}
