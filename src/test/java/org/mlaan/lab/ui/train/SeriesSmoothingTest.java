package org.mlaan.lab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SeriesSmoothingTest {

    @Test
    void offIsTheDefaultLookAndReturnsEveryValueUnchanged() {
        SeriesSmoothing.Smoother s = SeriesSmoothing.OFF.start();

        assertEquals(0.1 + 0.2, s.next(0.1 + 0.2));
        assertEquals(-7.25, s.next(-7.25));
        assertEquals("off", SeriesSmoothing.OFF.toString());
    }

    @Test
    void constantStaysConstantUnderEveryWeight() {
        for (SeriesSmoothing m : SeriesSmoothing.values()) {
            SeriesSmoothing.Smoother s = m.start();
            for (int i = 0; i < 50; i++) {
                assertEquals(2.5, s.next(2.5), 1e-12, m + " at " + i);
            }
        }
    }

    @Test
    void stepIsFollowedAtTheRateOfTheWeight() {
        SeriesSmoothing.Smoother s = SeriesSmoothing.EMA_06.start();
        s.next(0);
        // avg after 0 then 1: 0.6*0.4*0 + 0.4*1 = 0.4; debiased by 1 - 0.36 = 0.64
        assertEquals(0.4 / 0.64, s.next(1), 1e-12);
    }
}
