package org.mlaan.lab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Estimates read as a person would say them. */
class RoughDurationTest {

    @Test
    void durationsReadAsAPersonWouldSayThem() {
        assertEquals("45 s", RoughDuration.of(45));
        assertEquals("12 min", RoughDuration.of(720));
        assertEquals("2 h 35 min", RoughDuration.of(2 * 3600 + 35 * 60));
    }
}
