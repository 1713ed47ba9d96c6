package org.mlaan.lab.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Durations as the lab writes them: rough estimates, clocks and the terminal's compact form. */
class DurationsTest {

    @Test
    void durationsReadAsAPersonWouldSayThem() {
        assertEquals("45 s", Durations.rough(45));
        assertEquals("12 min", Durations.rough(720));
        assertEquals("2 h 35 min", Durations.rough(2 * 3600 + 35 * 60));
    }

    @Test
    void aClockForProgressAndACompactFormForTheTerminal() {
        assertEquals("0:07", Durations.clock(7.4));
        assertEquals("12:34", Durations.clock(754));
        assertEquals("1:02:03", Durations.clock(3723));
        assertEquals("\u2013", Durations.clock(Double.NaN));
        assertEquals("42s", Durations.compact(42));
        assertEquals("3m05s", Durations.compact(185));
        assertEquals("1h02m", Durations.compact(3723));
        assertEquals("--", Durations.compact(-1));
    }
}
