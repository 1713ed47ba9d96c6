package org.mlaan.lab.data;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.mlaan.lab.core.config.DatasetVariant;
import org.mlaan.lab.core.run.ClassGroup;

/**
 * The lab's own data set: ten classes of 32x32 RGB scenes generated from a seed, so the lab runs
 * with no download. It is built to reward seeing the whole image. Six "arrangement" classes
 * ({@code row, column, diagonal, tri-up, tri-down, tri-side}) each hold three identical markers
 * (same glyph, size and colour within an image, all random per image) whose relative placement is
 * the class, with the markers at least {@value MarkerLayout#MIN_SPACING} pixels apart: any small
 * window looks alike across these classes, so a network whose early layers learn from short-sighted
 * local losses cannot separate them early. Four "texture" classes ({@code stripes, checker, dots,
 * zigzag}) are told by the regular texture of one patch, a purely local cue. Every image also has
 * a patch (irregular speckle in the arrangement classes), three markers (scattered in the texture
 * classes), a random two-colour gradient background with soft blobs, 3..6 clutter lines and bars,
 * and per-pixel colour noise, all with colours drawn per image, so mean colour and global pixel
 * statistics say nothing about the class.
 *
 * <p>Image {@code i} of a split is drawn from a generator seeded by (seed, split, i) alone, so
 * images are generated in parallel and identically on every machine, and the first N images of a
 * larger set are the N images of a smaller one. Labels come in blocks of ten holding each class
 * once in a seeded order, so any prefix is balanced to within one image per class.
 *
 * <p>A {@link Style} sets how a scene is painted, never what it shows: the {@code shifted} variant
 * draws every image's class, markers and layout exactly as the standard one does (same labels at
 * the same index) on darker backgrounds with heavier noise and more clutter, a domain shift for
 * MLAAN Table 6.
 */
public final class BuiltinScenes implements DatasetReader {
    /** Image edge in pixels. */
    public static final int SIZE = MarkerLayout.SIZE;
    /** Class names in label order. */
    public static final List<String> CLASS_NAMES = Arrays.stream(SceneClass.values())
            .map(SceneClass::id).toList();
    /** The classes that only the global layout of their markers tells apart. */
    public static final List<String> ARRANGEMENT_CLASSES = Arrays.stream(SceneClass.values())
            .filter(SceneClass::isArrangement).map(SceneClass::id).toList();
    /** The classes a local texture tells apart. */
    public static final List<String> TEXTURE_CLASSES = Arrays.stream(SceneClass.values())
            .filter(c -> !c.isArrangement()).map(SceneClass::id).toList();

    /**
     * The arrangement classes and the texture classes as groups, for the test error of each: early
     * modules trained greedily lose the first and keep the second (issue 14, item 3).
     */
    public static List<ClassGroup> classGroups() {
        List<Integer> arrangement = new java.util.ArrayList<>();
        List<Integer> texture = new java.util.ArrayList<>();
        for (SceneClass c : SceneClass.values()) {
            (c.isArrangement() ? arrangement : texture).add(c.ordinal());
        }
        return List.of(new ClassGroup("arrangement", arrangement), new ClassGroup("texture", texture));
    }

    static final int TRAIN = 0;
    static final int TEST = 1;
    private static final long LABEL_SALT = 0x1ABE15L;
    private static final int PER_IMAGE = 3 * SIZE * SIZE;

    /**
     * How scenes are painted: background colour range, clutter count, noise amplitude.
     *
     * @param name tag in the set's name ("" for the standard style)
     */
    public record Style(String name, int backgroundLo, int backgroundHi, int clutterLo, int clutterHi, int noiseLo,
            int noiseHi, boolean grey) {
        /** The images every run trains on. */
        public static final Style STANDARD = new Style("", 25, 230, 3, 6, 3, 10, false);
        /** Dim scenes (backgrounds 0..110), sensor-like noise of 14..24 levels, 6..9 clutter strokes. */
        public static final Style SHIFTED = new Style("shifted-", 0, 110, 6, 9, 14, 24, false);
        /**
         * Grey scenes without clutter, a black-and-white patch and white or black markers, little noise:
         * the same scenes, learned in far fewer images (decision 0011).
         */
        public static final Style LESSON = new Style("lesson-", 70, 180, 0, 0, 1, 3, true);

        /** The style a config's {@code dataset.variant} names. */
        public static Style of(DatasetVariant variant) {
            return switch (variant) {
                case STANDARD -> STANDARD;
                case SHIFTED -> SHIFTED;
                case LESSON -> LESSON;
            };
        }
    }

    private final long seed;
    private final Style style;

    public BuiltinScenes(long seed) {
        this(seed, Style.STANDARD);
    }

    /** The set of {@code seed} painted in {@code style}. */
    public BuiltinScenes(long seed, Style style) {
        this.seed = seed;
        this.style = style;
    }

    public long seed() {
        return seed;
    }

    /** {@code count} training images (the limit is the number generated). */
    @Override
    public ImageSet train(int count) {
        return generate("builtin-" + style.name() + "train", TRAIN, count);
    }

    /** {@code count} test images, drawn independently of the training images. */
    @Override
    public ImageSet test(int count) {
        return generate("builtin-" + style.name() + "test", TEST, count);
    }

    private ImageSet generate(String name, int split, int count) {
        if (count < 0 || count == ALL) {
            throw new IllegalArgumentException("the built-in set needs an image count, got " + count);
        }
        byte[] pixels = new byte[count * PER_IMAGE];
        int[] labels = new int[count];
        IntStream.range(0, count).parallel().forEach(i -> {
            SceneClass c = classOf(seed, split, i);
            labels[i] = c.ordinal();
            SplittableRandom r = new SplittableRandom(Seeds.mix(seed, split, i));
            SceneSketch sketch = sketch(c, r);
            render(sketch, r, style).copyTo(pixels, i * PER_IMAGE);
        });
        return new ImageSet(name, CLASS_NAMES, 3, SIZE, SIZE, pixels, labels);
    }

    /** The class of image {@code index}: each block of ten holds every class once, in seeded order. */
    static SceneClass classOf(long seed, int split, int index) {
        SceneClass[] all = SceneClass.values();
        int block = index / all.length;
        int[] order = EpochOrder.shuffled(Seeds.mix(seed, LABEL_SALT, split), block, all.length);
        return all[order[index % all.length]];
    }

    /** The layout of image {@code index} of a split, exactly as {@link #train}/{@link #test} draw it. */
    static SceneSketch sketch(long seed, int split, int index) {
        return sketch(classOf(seed, split, index), new SplittableRandom(Seeds.mix(seed, split, index)));
    }

    private static SceneSketch sketch(SceneClass c, SplittableRandom r) {
        MarkerShape shape = MarkerShape.values()[r.nextInt(MarkerShape.values().length)];
        int radius = 1 + r.nextInt(2);
        int[][] centres = MarkerLayout.place(c, radius, r);
        int[] patch = placePatch(r, centres, radius);
        return new SceneSketch(c, shape, radius, centres, patch[0], patch[1], patch[2]);
    }

    /** A square box {x, y, edge} of edge 9..12 clear of the markers, smaller if it must be. */
    private static int[] placePatch(SplittableRandom r, int[][] centres, int radius) {
        int edge = MarkerLayout.between(r, 9, 12);
        int x = 0;
        int y = 0;
        for (; edge >= 6; edge--) {
            for (int attempt = 0; attempt < 60; attempt++) {
                x = r.nextInt(SIZE - edge + 1);
                y = r.nextInt(SIZE - edge + 1);
                if (clear(x, y, edge, edge, centres, radius + 1)) {
                    return new int[] {x, y, edge};
                }
            }
        }
        return new int[] {x, y, 6};
    }

    /** Whether the box misses every marker's square grown by {@code reach} around its centre. */
    private static boolean clear(int x, int y, int w, int h, int[][] centres, int reach) {
        for (int[] c : centres) {
            if (x <= c[0] + reach && c[0] - reach < x + w && y <= c[1] + reach && c[1] - reach < y + h) {
                return false;
            }
        }
        return true;
    }

    private static SceneCanvas render(SceneSketch s, SplittableRandom r, Style style) {
        SceneCanvas canvas = new SceneCanvas(SIZE);
        if (style.grey()) {
            return renderGrey(s, r, style, canvas);
        }
        int[] a = randomColour(r, style.backgroundLo(), style.backgroundHi());
        int[] b = new int[3];
        for (int c = 0; c < 3; c++) {
            b[c] = clamp(a[c] + MarkerLayout.between(r, -60, 60));
        }
        canvas.gradient(a, b, r.nextDouble(2 * Math.PI));
        int blobs = r.nextInt(3);
        for (int k = 0; k < blobs; k++) {
            int[] delta = {MarkerLayout.between(r, -40, 40), MarkerLayout.between(r, -40, 40),
                MarkerLayout.between(r, -40, 40)};
            canvas.blob(r.nextDouble(SIZE), r.nextDouble(SIZE), 3 + r.nextDouble(5), delta);
        }
        drawClutter(canvas, r, s, style);
        drawPatch(canvas, r, s);
        int[] ink = markerInk(canvas, r, s);
        for (int[] c : s.centres()) {
            canvas.glyph(s.shape(), s.radius(), c[0], c[1], ink);
        }
        canvas.noise(r, MarkerLayout.between(r, style.noiseLo(), style.noiseHi()));
        return canvas;
    }

    /** The scene in greys: a soft grey gradient, the patch in black and white, the markers in the ink that stands out. */
    private static SceneCanvas renderGrey(SceneSketch s, SplittableRandom r, Style style, SceneCanvas canvas) {
        int level = MarkerLayout.between(r, style.backgroundLo(), style.backgroundHi());
        int other = clamp(level + MarkerLayout.between(r, -25, 25));
        canvas.gradient(new int[] {level, level, level}, new int[] {other, other, other}, r.nextDouble(2 * Math.PI));
        int edge = s.patchSize();
        PatchTexture.Pattern pattern = s.sceneClass().texture().draw(r, edge);
        int[] dark = {20, 20, 20};
        int[] light = {235, 235, 235};
        for (int y = 0; y < edge; y++) {
            for (int x = 0; x < edge; x++) {
                canvas.set(s.patchX() + x, s.patchY() + y, pattern.on(x, y) ? light : dark);
            }
        }
        int[] ink = level < 128 ? new int[] {255, 255, 255} : new int[] {0, 0, 0};
        for (int[] c : s.centres()) {
            canvas.glyph(s.shape(), s.radius(), c[0], c[1], ink);
        }
        canvas.noise(r, MarkerLayout.between(r, style.noiseLo(), style.noiseHi()));
        return canvas;
    }

    /** Short lines and small bars in random colours, kept off the markers so glyphs stay whole. */
    private static void drawClutter(SceneCanvas canvas, SplittableRandom r, SceneSketch s, Style style) {
        int count = MarkerLayout.between(r, style.clutterLo(), style.clutterHi());
        for (int k = 0; k < count; k++) {
            int[] colour = randomColour(r, 0, 255);
            boolean bar = r.nextInt(3) == 0;
            for (int attempt = 0; attempt < 20; attempt++) {
                int x = r.nextInt(SIZE);
                int y = r.nextInt(SIZE);
                if (bar) {
                    int w = 1 + r.nextInt(3);
                    int h = w == 3 ? 1 + r.nextInt(2) : 1 + r.nextInt(3);
                    if (w * h > 1 && clear(x, y, w, h, s.centres(), s.radius() + 1)) {
                        canvas.rect(x, y, w, h, colour);
                        break;
                    }
                } else {
                    double angle = r.nextDouble(Math.PI);
                    int length = MarkerLayout.between(r, 3, 6);
                    int x1 = (int) Math.round(x + length * Math.cos(angle));
                    int y1 = (int) Math.round(y + length * Math.sin(angle));
                    if (clear(Math.min(x, x1), Math.min(y, y1), Math.abs(x1 - x) + 1, Math.abs(y1 - y) + 1,
                            s.centres(), s.radius() + 1)) {
                        canvas.line(x, y, x1, y1, colour);
                        break;
                    }
                }
            }
        }
    }

    private static void drawPatch(SceneCanvas canvas, SplittableRandom r, SceneSketch s) {
        int edge = s.patchSize();
        PatchTexture.Pattern pattern = s.sceneClass().texture().draw(r, edge);
        int[] base = randomColour(r, 0, 255);
        int[] other = contrasting(r, luma(base), 70);
        for (int y = 0; y < edge; y++) {
            for (int x = 0; x < edge; x++) {
                canvas.set(s.patchX() + x, s.patchY() + y, pattern.on(x, y) ? other : base);
            }
        }
    }

    /**
     * One colour for all three markers that stands out from the background under each of them:
     * the background varies across the image, so contrast with its mean alone is not enough.
     */
    private static int[] markerInk(SceneCanvas canvas, SplittableRandom r, SceneSketch s) {
        double[] under = new double[s.centres().length];
        double mean = 0;
        for (int k = 0; k < under.length; k++) {
            under[k] = canvas.meanLuma(s.centres()[k][0], s.centres()[k][1], s.radius());
            mean += under[k] / under.length;
        }
        for (int attempt = 0; attempt < 10; attempt++) {
            int[] ink = contrasting(r, mean, 80);
            if (minContrast(ink, under) >= 50) {
                return ink;
            }
        }
        int[] black = {0, 0, 0};
        int[] white = {255, 255, 255};
        return minContrast(black, under) >= minContrast(white, under) ? black : white;
    }

    private static double minContrast(int[] ink, double[] under) {
        double l = luma(ink);
        double min = Double.MAX_VALUE;
        for (double u : under) {
            min = Math.min(min, Math.abs(l - u));
        }
        return min;
    }

    /**
     * A random colour whose luma differs from {@code against} by at least {@code min}: a random
     * hue, shifted in brightness where needed, so contrast does not fix the colour.
     */
    private static int[] contrasting(SplittableRandom r, double against, double min) {
        int[] colour = randomColour(r, 0, 255);
        double l = luma(colour);
        if (Math.abs(l - against) >= min) {
            return colour;
        }
        boolean lighter = against + min <= 255 && (l >= against || against - min < 0);
        double target = lighter ? against + min : against - min;
        // Clipped channels absorb part of a shift, so repeat until the luma gets there.
        for (int step = 0; step < 8 && (lighter ? l < target : l > target); step++) {
            int shift = (int) Math.ceil(Math.abs(target - l)) * (lighter ? 1 : -1);
            for (int c = 0; c < 3; c++) {
                colour[c] = clamp(colour[c] + shift);
            }
            l = luma(colour);
        }
        return colour;
    }

    private static int[] randomColour(SplittableRandom r, int lo, int hi) {
        return new int[] {MarkerLayout.between(r, lo, hi), MarkerLayout.between(r, lo, hi),
            MarkerLayout.between(r, lo, hi)};
    }

    private static double luma(int[] rgb) {
        return 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2];
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
