package org.mlaan.lab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.config.DatasetConfig;

/**
 * The real Fashion-MNIST as Debian's {@code dataset-fashion-mnist} installs it: counts, labels and
 * statistics the data set's authors publish. Skipped where the package is not installed (CI
 * installs it, {@code .ci/run}).
 */
class FashionMnistDebianTest {
    static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

    @BeforeAll
    static void needsThePackage() {
        Assumptions.assumeTrue(Files.isRegularFile(DEBIAN.resolve("train-images-idx3-ubyte.gz")),
                DEBIAN + " is absent: apt-get install dataset-fashion-mnist to run these tests");
    }

    @Test
    void holdsSixtyThousandTrainingAndTenThousandTestImagesBalancedOverTenClothes() throws IOException {
        LoadedData data = DataSets.open(new DatasetConfig("idx", DEBIAN.toString(), null, null, null, null, null));
        assertEquals(60_000, data.train().size());
        assertEquals(10_000, data.test().size());
        assertEquals(IdxReader.FASHION_CLASS_NAMES, data.train().classNames());
        assertEquals(new org.mlaan.lab.core.plan.TensorShape(1, 32, 32), data.train().shape());
        int[] sixThousand = new int[10];
        java.util.Arrays.fill(sixThousand, 6000);
        assertArrayEquals(sixThousand, data.train().classCounts());
        int[] thousand = new int[10];
        java.util.Arrays.fill(thousand, 1000);
        assertArrayEquals(thousand, data.test().classCounts());
        // The first images of the published files: ankle boot, T-shirt, T-shirt, dress / ankle boot, pullover.
        assertArrayEquals(new int[] {9, 0, 0, 3}, new int[] {data.train().label(0), data.train().label(1),
            data.train().label(2), data.train().label(3)});
        assertArrayEquals(new int[] {9, 2}, new int[] {data.test().label(0), data.test().label(1)});
    }

    @Test
    void trainingStatisticsAreThePublishedOnes() throws IOException {
        Normalization n = new IdxReader(DEBIAN, true).normalization();
        assertEquals(0.2860, n.mean()[0], 5e-5);
        assertEquals(0.3530, n.std()[0], 5e-5);
    }
}
