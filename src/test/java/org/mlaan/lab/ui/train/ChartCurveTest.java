package org.mlaan.lab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

class ChartCurveTest {

    @Test
    void rawValuesArePlottedAsTheyCameWhileUnderTheLimit() {
        ChartCurve c = new ChartCurve("loss", SeriesSmoothing.OFF, 100);
        for (int i = 0; i < 50; i++) {
            c.add(i, 2.0 / (i + 1));
        }

        XYSeries s = c.series();
        assertEquals(50, s.getItemCount());
        assertEquals(2.0 / 8, s.getY(7).doubleValue());
        assertEquals(7.0, s.getX(7).doubleValue());
    }

    @Test
    void nanAndInfiniteValuesAreSkipped() {
        ChartCurve c = new ChartCurve("module 3", SeriesSmoothing.OFF, 100);
        c.add(0, 1.0);
        c.add(1, Double.NaN);
        c.add(2, Double.POSITIVE_INFINITY);
        c.add(3, 0.5);

        assertEquals(2, c.series().getItemCount());
        assertEquals(3.0, c.series().getX(1).doubleValue());
    }

    @Test
    void longRunsAreMergedToAtMostTheLimitKeepingMeansAndTheLatestStep() {
        ChartCurve c = new ChartCurve("speed", SeriesSmoothing.OFF, 100);
        int n = 10_000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double y = i % 2 == 0 ? 1 : 3;
            sum += y;
            c.add(i, y);
        }

        XYSeries s = c.series();
        assertTrue(s.getItemCount() <= 100, "points: " + s.getItemCount());
        assertTrue(s.getItemCount() > 50, "points: " + s.getItemCount());
        assertEquals(128, c.stride());
        // Every full point is the mean of an even number of alternating 1s and 3s.
        assertEquals(2.0, s.getY(0).doubleValue(), 1e-12);
        assertEquals(63.5, s.getX(0).doubleValue(), 1e-12, "first bucket: steps 0..127");
        double last = s.getX(s.getItemCount() - 1).doubleValue();
        assertTrue(last > n - 1 - c.stride(), "the line reaches the latest steps, last x " + last);
        assertEquals(2.0, sum / n);
    }

    @Test
    void emaSmoothingIsUnbiasedFromTheFirstPoint() {
        ChartCurve c = new ChartCurve("loss", SeriesSmoothing.EMA_09, 100);
        c.add(0, 4.0);
        c.add(1, 4.0);
        c.add(2, 1.0);

        assertEquals(4.0, c.series().getY(0).doubleValue(), 1e-12);
        assertEquals(4.0, c.series().getY(1).doubleValue(), 1e-12);
        // (0.9*(0.9*0.1*4 + 0.1*4) + 0.1*1) / (1 - 0.9^3) = (0.684 + 0.1) / 0.271
        assertEquals(0.784 / 0.271, c.series().getY(2).doubleValue(), 1e-12);
    }

    @Test
    void clearingForgetsPointsAndStride() {
        ChartCurve c = new ChartCurve("loss", SeriesSmoothing.OFF, 4);
        for (int i = 0; i < 20; i++) {
            c.add(i, i);
        }
        c.clear(SeriesSmoothing.OFF);
        c.add(100, 7);

        assertEquals(1, c.series().getItemCount());
        assertEquals(1, c.stride());
        assertEquals(7.0, c.series().getY(0).doubleValue());
    }
}
