package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {
    private static final NativeLibraries.Bundle BUNDLE = new NativeLibraries.Bundle("2.7.1-x", "cpu", "linux-x86_64",
            List.of("liba.so", "libb.so"), List.of(10L, 20L));

    @Test
    void theBuildBundlesTheCpuNativesWithTheirSizes() {
        NativeLibraries.Bundle b = NativeLibraries.Bundle.find();
        assertNotNull(b, "the default build bundles pytorch-native-cpu");
        assertEquals("cpu", b.flavor());
        assertTrue(b.totalBytes() > 100_000_000L, "libtorch is hundreds of MB, got " + b.totalBytes());
    }

    @Test
    void needsUnpackingUntilEveryLibraryIsThereAtItsSize(@TempDir Path cache) throws Exception {
        NativeLibraries n = NativeLibraries.of(cache, BUNDLE);
        assertTrue(n.needsUnpacking());
        Path target = n.targetFolder();
        Files.createDirectories(target);
        Files.write(target.resolve("liba.so"), new byte[10]);
        Files.write(target.resolve("libb.so"), new byte[5]);
        assertTrue(n.needsUnpacking(), "a truncated library must be unpacked again");
        Files.write(target.resolve("libb.so"), new byte[20]);
        assertFalse(n.needsUnpacking());
        assertEquals(30, NativeLibraries.folderBytes(cache));
        assertNull(n.problemBeforeUnpacking());
    }

    @Test
    void aCacheFolderThatCannotBeMadeIsNamedInTheMessage(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        NativeLibraries n = NativeLibraries.of(file.resolve("cache"), BUNDLE);
        String problem = n.problemBeforeUnpacking();
        assertNotNull(problem);
        assertTrue(problem.contains(file.resolve("cache").toString()) && problem.contains("MLAAN_LAB_CACHE"), problem);
    }

    @Test
    void tooLittleFreeSpaceIsRefusedBeforeUnpacking(@TempDir Path cache) {
        NativeLibraries.Bundle huge = new NativeLibraries.Bundle("2.7.1-x", "cpu", "linux-x86_64", List.of("lib.so"),
                List.of(Long.MAX_VALUE / 4));
        String problem = NativeLibraries.of(cache, huge).problemBeforeUnpacking();
        assertNotNull(problem);
        assertTrue(problem.contains("MB free"), problem);
    }
}
