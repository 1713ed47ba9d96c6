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
}
