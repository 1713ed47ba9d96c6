package org.mlaan.lab.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;

/** Small data sets in the real on-disk formats, with blank images and labels cycling 0..9. */
final class DatasetFixtures {
    private DatasetFixtures() {}

    /** CIFAR-10 binary: {@code perBatch} records in each of the five training files, {@code test} in the test file. */
    static void cifar10(Path folder, int perBatch, int test) throws IOException {
        Files.createDirectories(folder);
        for (int b = 1; b <= 5; b++) {
            Files.write(folder.resolve("data_batch_" + b + ".bin"), cifarRecords(perBatch));
        }
        Files.write(folder.resolve("test_batch.bin"), cifarRecords(test));
    }

    private static byte[] cifarRecords(int n) {
        byte[] out = new byte[n * Cifar10Reader.RECORD_BYTES];
        for (int i = 0; i < n; i++) {
            out[i * Cifar10Reader.RECORD_BYTES] = (byte) (i % 10);
        }
        return out;
    }

    /** STL-10 binary with {@code train} and {@code test} blank images. */
    static void stl10(Path folder, int train, int test) throws IOException {
        Files.createDirectories(folder);
        for (String split : new String[] {"train", "test"}) {
            int n = split.equals("train") ? train : test;
            Files.write(folder.resolve(split + "_X.bin"), new byte[n * Stl10Reader.IMAGE_BYTES]);
            byte[] labels = new byte[n];
            for (int i = 0; i < n; i++) {
                labels[i] = (byte) (1 + i % 10);
            }
            Files.write(folder.resolve(split + "_y.bin"), labels);
        }
    }

    /** SVHN cropped digits with {@code train} and {@code test} blank images. */
    static void svhn(Path folder, int train, int test) throws IOException {
        Files.createDirectories(folder);
        for (String split : new String[] {"train", "test"}) {
            int n = split.equals("train") ? train : test;
            Matrix y = Mat5.newMatrix(n, 1);
            for (int i = 0; i < n; i++) {
                y.setDouble(i, 0, 1 + i % 10);
            }
            Mat5.writeToFile(Mat5.newMatFile()
                    .addArray("X", Mat5.newMatrix(new int[] {32, 32, 3, n}, MatlabType.UInt8))
                    .addArray("y", y), folder.resolve(split + "_32x32.mat").toFile());
        }
    }

    /** An image folder with {@code classes} classes of {@code perClass} grey PNGs in train and test. */
    static void folder(Path root, int classes, int perClass) throws IOException {
        for (String split : new String[] {"train", "test"}) {
            for (int c = 0; c < classes; c++) {
                Path dir = root.resolve(split).resolve("class" + c);
                Files.createDirectories(dir);
                for (int i = 0; i < perClass; i++) {
                    BufferedImage img = new BufferedImage(20, 15, BufferedImage.TYPE_INT_RGB);
                    ImageIO.write(img, "png", dir.resolve("img" + i + ".png").toFile());
                }
            }
        }
    }
}
