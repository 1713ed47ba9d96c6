package org.mlaan.lab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.ui.LabLauncher.StartOptions;

class LabLauncherOptionsTest {

    @Test
    void runsOpensAFolderInTheAnalysesTabAndGoesWithAScreenshot() {
        StartOptions o = StartOptions.parse(new String[] {"--runs", "runs/ablation", "--screenshot=a.png"});
        assertEquals(Path.of("runs/ablation"), o.runs());
        assertEquals(Path.of("a.png"), o.screenshot());
        assertNull(o.config());
        assertEquals(0, o.steps());
    }

    @Test
    void stepsAndRunsTogetherAreRefusedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StartOptions.parse(new String[] {"--runs", "r", "--screenshot", "a.png", "--steps", "3"}));
        assertTrue(e.getMessage().contains("--steps") && e.getMessage().contains("--runs"), e.getMessage());
    }

    @Test
    void runsWithoutAFolderSaysItNeedsOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StartOptions.parse(new String[] {"--runs"}));
        assertEquals("--runs needs a value", e.getMessage());
    }

    @Test
    void sizeSetsTheWindowAndItsScreenshotsAndBadSizesAreNamed() {
        StartOptions o = StartOptions.parse(new String[] {"--size", "1280x720", "--screenshot", "a.png"});
        assertEquals(1280, o.width());
        assertEquals(720, o.height());
        StartOptions d = StartOptions.parse(new String[] {});
        assertEquals(1600, d.width());
        assertEquals(1000, d.height());
        for (String bad : new String[] {"1280", "1280x", "wide", "1280x720x2"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> StartOptions.parse(new String[] {"--size", bad}));
            assertTrue(e.getMessage().startsWith("--size: expected WIDTHxHEIGHT"), e.getMessage());
        }
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> StartOptions.parse(new String[] {"--size=640x480"}));
        assertTrue(small.getMessage().contains("at least 1024x600"), small.getMessage());
    }
}
