package org.mlaan.lab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BuiltinScenesTest {
    private static final List<Integer> ARRANGEMENT = List.of(0, 1, 2, 3, 4, 5);
    private static final List<Integer> TEXTURE = List.of(6, 7, 8, 9);

    private static int[] labels(ImageSet set) {
        return IntStream.range(0, set.size()).map(set::label).toArray();
    }

    private static byte[] allPixels(ImageSet set) {
        ByteBuffer b = ByteBuffer.allocate(set.size() * set.imageBytes());
        for (int i = 0; i < set.size(); i++) {
            b.put(set.image(i));
        }
        return b.array();
    }

    @Test
    void sameSeedGivesIdenticalImagesAndLabels() {
        ImageSet a = new BuiltinScenes(5).train(300);
        ImageSet b = new BuiltinScenes(5).train(300);
        assertArrayEquals(allPixels(a), allPixels(b));
        assertArrayEquals(labels(a), labels(b));
    }

    @Test
    void differentSeedGivesDifferentImages() {
        ImageSet a = new BuiltinScenes(5).train(100);
        ImageSet b = new BuiltinScenes(6).train(100);
        int same = 0;
        for (int i = 0; i < 100; i++) {
            same += Arrays.equals(a.image(i), b.image(i)) ? 1 : 0;
        }
        assertEquals(0, same);
        assertFalse(Arrays.equals(labels(a), labels(b)), "the label order is seeded too");
    }

    @Test
    void smallerSetIsThePrefixOfALargerOne() {
        ImageSet small = new BuiltinScenes(9).test(40);
        ImageSet large = new BuiltinScenes(9).test(130);
        for (int i = 0; i < 40; i++) {
            assertArrayEquals(small.image(i), large.image(i), "image " + i);
            assertEquals(small.label(i), large.label(i));
        }
    }

    @Test
    void classesAreBalancedForAnySize() {
        assertArrayEquals(new int[] {100, 100, 100, 100, 100, 100, 100, 100, 100, 100},
                new BuiltinScenes(1).train(1000).classCounts());
        for (int count : new BuiltinScenes(1).test(1007).classCounts()) {
            assertTrue(count == 100 || count == 101, "count " + count);
        }
    }

    @Test
    void hasTenShortReadableClassNamesAndTheDocumentedShape() {
        ImageSet set = new BuiltinScenes(1).train(10);
        assertEquals(List.of("row", "column", "diagonal", "tri-up", "tri-down", "tri-side", "stripes",
                "checker", "dots", "zigzag"), set.classNames());
        assertEquals(3, set.channels());
        assertEquals(32, set.height());
        assertEquals(32, set.width());
        assertEquals(BuiltinScenes.ARRANGEMENT_CLASSES, set.classNames().subList(0, 6));
        assertEquals(BuiltinScenes.TEXTURE_CLASSES, set.classNames().subList(6, 10));
    }

    @Test
    void trainingAndTestImagesAreAllDistinct() {
        ImageSet train = new BuiltinScenes(2).train(2000);
        ImageSet test = new BuiltinScenes(2).test(500);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < train.size(); i++) {
            assertTrue(seen.add(Arrays.toString(train.image(i))), "training image " + i + " repeats");
        }
        for (int i = 0; i < test.size(); i++) {
            assertTrue(seen.add(Arrays.toString(test.image(i))), "test image " + i + " is also a training image");
        }
    }

    @Test
    void meanColourAndContrastSayNothingAboutTheClass() {
        ImageSet train = new BuiltinScenes(3).train(3000);
        ImageSet test = new BuiltinScenes(3).test(1000);
        double[][] centroid = new double[10][];
        for (int c = 0; c < 10; c++) {
            centroid[c] = new double[6];
        }
        for (int i = 0; i < train.size(); i++) {
            double[] s = colourStatistics(train, i);
            for (int k = 0; k < 6; k++) {
                centroid[train.label(i)][k] += s[k] / 300;
            }
        }
        int right = 0;
        for (int i = 0; i < test.size(); i++) {
            double[] s = colourStatistics(test, i);
            int best = 0;
            double bestDistance = Double.MAX_VALUE;
            for (int c = 0; c < 10; c++) {
                double d = 0;
                for (int k = 0; k < 6; k++) {
                    d += (s[k] - centroid[c][k]) * (s[k] - centroid[c][k]);
                }
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            right += best == test.label(i) ? 1 : 0;
        }
        double accuracy = right / 1000.0;
        assertTrue(accuracy < 0.15, "nearest class mean of colour statistics should be at chance (0.1): " + accuracy);
    }

    /** Mean and standard deviation of each channel over the image. */
    private static double[] colourStatistics(ImageSet set, int i) {
        double[] s = new double[6];
        int n = set.height() * set.width();
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            double squares = 0;
            for (int y = 0; y < set.height(); y++) {
                for (int x = 0; x < set.width(); x++) {
                    int v = set.pixel(i, c, y, x);
                    sum += v;
                    squares += v * v;
                }
            }
            s[c] = sum / n;
            s[3 + c] = Math.sqrt(squares / n - s[c] * s[c]);
        }
        return s;
    }

    @Test
    void pooledLocalPatternsTellTexturesApartButNotArrangements() {
        ImageSet train = new BuiltinScenes(11).train(2000);
        ImageSet test = new BuiltinScenes(11).test(600);
        double textures = LocalPatternProbe.fit(train, TEXTURE, 300).accuracy(test);
        double arrangements = LocalPatternProbe.fit(train, ARRANGEMENT, 300).accuracy(test);
        // Chance is 1/4 for the textures and 1/6 for the arrangements. Giving one arrangement class
        // its own glyph shape, a purely local cue, lifts the second figure to about 0.29.
        assertTrue(textures > 0.75, "local patterns should identify textures: " + textures);
        assertTrue(arrangements < 0.22, "local patterns should not identify arrangements: " + arrangements);
    }

    @Test
    void arrangementClassIsDecidedByTheMarkersRelativePlacement() {
        for (int i = 0; i < 3000; i++) {
            SceneSketch s = BuiltinScenes.sketch(4, BuiltinScenes.TRAIN, i);
            int[][] p = s.centres();
            assertTrue(MarkerLayout.minDistance(p) >= MarkerLayout.MIN_SPACING, "image " + i + " markers too close");
            // Reflect padding by 4 repeats rows and columns 1..4 and 27..30 beyond the border.
            int pad = 4;
            for (int[] c : p) {
                for (int v : c) {
                    assertTrue(v - s.radius() > pad && v + s.radius() < 31 - pad,
                            "image " + i + " marker would be mirrored by the padded crop: " + Arrays.deepToString(p));
                }
            }
            if (s.sceneClass().isArrangement()) {
                assertEquals(s.sceneClass(), layoutOf(p), "image " + i + " " + Arrays.deepToString(p));
            }
        }
    }

    /**
     * Reads the class back from the three centres alone: two markers sharing a row or column
     * (within the one-pixel jitter) and where the third one is.
     */
    private static SceneClass layoutOf(int[][] p) {
        int[] xs = {p[0][0], p[1][0], p[2][0]};
        int[] ys = {p[0][1], p[1][1], p[2][1]};
        int spreadX = Arrays.stream(xs).max().getAsInt() - Arrays.stream(xs).min().getAsInt();
        int spreadY = Arrays.stream(ys).max().getAsInt() - Arrays.stream(ys).min().getAsInt();
        if (spreadY <= 2) {
            return SceneClass.ROW;
        }
        if (spreadX <= 2) {
            return SceneClass.COLUMN;
        }
        if (Math.abs(spreadX - spreadY) <= 2 && middleNearMidpoint(p)) {
            return SceneClass.DIAGONAL;
        }
        for (int i = 0; i < 3; i++) {
            int[] a = p[(i + 1) % 3];
            int[] b = p[(i + 2) % 3];
            int[] apex = p[i];
            if (Math.abs(a[1] - b[1]) <= 2 && Math.abs(apex[1] - a[1]) >= 6) {
                return apex[1] < a[1] ? SceneClass.TRI_UP : SceneClass.TRI_DOWN;
            }
            if (Math.abs(a[0] - b[0]) <= 2 && Math.abs(apex[0] - a[0]) >= 6) {
                return SceneClass.TRI_SIDE;
            }
        }
        throw new AssertionError("no arrangement fits " + Arrays.deepToString(p));
    }

    private static boolean middleNearMidpoint(int[][] p) {
        for (int m = 0; m < 3; m++) {
            int[] a = p[(m + 1) % 3];
            int[] b = p[(m + 2) % 3];
            if (Math.abs(2 * p[m][0] - a[0] - b[0]) <= 3 && Math.abs(2 * p[m][1] - a[1] - b[1]) <= 3) {
                return true;
            }
        }
        return false;
    }

    @Test
    void threeIdenticalContrastingMarkersArePaintedWhereTheLayoutSays() {
        ImageSet set = new BuiltinScenes(8).train(300);
        for (int i = 0; i < set.size(); i++) {
            SceneSketch s = BuiltinScenes.sketch(8, BuiltinScenes.TRAIN, i);
            assertEquals(s.sceneClass().ordinal(), set.label(i));
            double[][] glyphMeans = new double[3][];
            for (int m = 0; m < 3; m++) {
                int[] c = s.centres()[m];
                glyphMeans[m] = meanColour(set, i, c, s, true);
                double[] ring = meanColour(set, i, c, s, false);
                assertTrue(Math.abs(luma(glyphMeans[m]) - luma(ring)) > 35, "image " + i + " marker " + m
                        + " does not stand out: " + luma(glyphMeans[m]) + " on " + luma(ring));
            }
            for (int m = 1; m < 3; m++) {
                for (int ch = 0; ch < 3; ch++) {
                    assertEquals(glyphMeans[0][ch], glyphMeans[m][ch], 12, "image " + i + " markers differ");
                }
            }
        }
    }

    /** Mean colour of the glyph's pixels, or of the one-pixel ring just outside its square. */
    private static double[] meanColour(ImageSet set, int i, int[] c, SceneSketch s, boolean glyph) {
        double[] sum = new double[3];
        int n = 0;
        int reach = s.radius() + 1;
        for (int dy = -reach; dy <= reach; dy++) {
            for (int dx = -reach; dx <= reach; dx++) {
                boolean onRing = Math.max(Math.abs(dx), Math.abs(dy)) == reach;
                boolean inGlyph = s.shape().covers(dx, dy, s.radius());
                if (glyph ? inGlyph : onRing) {
                    for (int ch = 0; ch < 3; ch++) {
                        sum[ch] += set.pixel(i, ch, c[1] + dy, c[0] + dx);
                    }
                    n++;
                }
            }
        }
        for (int ch = 0; ch < 3; ch++) {
            sum[ch] /= n;
        }
        return sum;
    }

    private static double luma(double[] rgb) {
        return 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2];
    }

    @Test
    void standardImagesAreByteForByteThoseOfBeforeTheShiftedVariant() throws Exception {
        // SHA-256 of the first 200 training and 200 test images and labels of seed 2406, taken
        // from the generator before styles existed: the standard set must never change.
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        BuiltinScenes s = new BuiltinScenes(2406, BuiltinScenes.Style.STANDARD);
        for (ImageSet set : List.of(s.train(200), s.test(200))) {
            for (int i = 0; i < set.size(); i++) {
                md.update(set.image(i));
                md.update((byte) set.label(i));
            }
        }
        assertEquals("ad2066a03d17312d376e3dd584dceecc5103abbed2f2c65997798fb4ae218ff8",
                java.util.HexFormat.of().formatHex(md.digest()));
    }

    @Test
    void shiftedVariantKeepsEveryLabelAndChangesEveryImage() {
        ImageSet standard = new BuiltinScenes(4).test(100);
        ImageSet shifted = new BuiltinScenes(4, BuiltinScenes.Style.SHIFTED).test(100);
        assertArrayEquals(labels(standard), labels(shifted));
        double meanStandard = 0;
        double meanShifted = 0;
        for (int i = 0; i < 100; i++) {
            assertFalse(Arrays.equals(standard.image(i), shifted.image(i)), "image " + i);
            meanStandard += mean(standard.image(i)) / 100;
            meanShifted += mean(shifted.image(i)) / 100;
        }
        assertTrue(meanShifted < meanStandard - 30, "darker: " + meanStandard + " -> " + meanShifted);
        assertEquals("builtin-shifted-test", shifted.name());
    }

    private static double mean(byte[] image) {
        double s = 0;
        for (byte b : image) {
            s += b & 0xFF;
        }
        return s / image.length;
    }
}
