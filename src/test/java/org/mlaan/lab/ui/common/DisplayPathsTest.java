package org.mlaan.lab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Paths in the window: short, and free of the machine's own folders where they can be. */
class DisplayPathsTest {
    private static final Path CWD = Path.of("/home/ada/lab");
    private static final Path HOME = Path.of("/home/ada");

    @Test
    void underTheStartFolderRelativeUnderHomeWithATildeElseWhole() {
        assertEquals("runs/demo-1", DisplayPaths.of(Path.of("/home/ada/lab/runs/demo-1"), CWD, HOME));
        assertEquals("~/data/cifar", DisplayPaths.of(Path.of("/home/ada/data/cifar"), CWD, HOME));
        assertEquals("/scratch/runs", DisplayPaths.of(Path.of("/scratch/runs"), CWD, HOME));
        assertEquals("runs", DisplayPaths.of(Path.of("runs"), Path.of("").toAbsolutePath(), HOME),
                "a relative path stays as given when it is under the start folder");
    }
}
