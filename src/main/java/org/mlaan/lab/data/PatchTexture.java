package org.mlaan.lab.data;

import java.util.SplittableRandom;

/**
 * The fillings of the built-in set's texture patch. Four regular textures name the texture
 * classes; irregular two-colour speckle fills the patch of the arrangement classes, so that every
 * image has a patch and only its regularity tells the two groups apart. Period, phase and
 * orientation are drawn per image.
 */
enum PatchTexture {
    STRIPES, CHECKER, DOTS, ZIGZAG, SPECKLE;

    /** Which pixels of a patch take the second colour. */
    interface Pattern {
        boolean on(int x, int y);
    }

    /** A pattern with randomised period, phase and orientation, for a patch of edge {@code size}. */
    Pattern draw(SplittableRandom r, int size) {
        switch (this) {
            case STRIPES: {
                int period = 4 + r.nextInt(3);
                int phase = r.nextInt(period);
                int orientation = r.nextInt(4);
                return (x, y) -> Math.floorMod(along(orientation, x, y) + phase, period) < period / 2;
            }
            case CHECKER: {
                int cell = 2 + r.nextInt(2);
                int px = r.nextInt(cell);
                int py = r.nextInt(cell);
                return (x, y) -> (Math.floorDiv(x + px, cell) + Math.floorDiv(y + py, cell)) % 2 == 0;
            }
            case DOTS: {
                int period = 3 + r.nextInt(2);
                int dot = period == 3 ? 1 : 1 + r.nextInt(2);
                int px = r.nextInt(period);
                int py = r.nextInt(period);
                boolean staggered = r.nextBoolean();
                return (x, y) -> {
                    int row = Math.floorDiv(y + py, period);
                    int shift = staggered && row % 2 != 0 ? period / 2 : 0;
                    return Math.floorMod(x + px + shift, period) < dot
                            && Math.floorMod(y + py, period) < dot;
                };
            }
            case ZIGZAG: {
                int period = 4 + r.nextInt(2);
                int amplitude = 2 + r.nextInt(2);
                int phase = r.nextInt(2 * amplitude);
                int offset = r.nextInt(period);
                boolean vertical = r.nextBoolean();
                return (x, y) -> {
                    int a = vertical ? y : x;
                    int b = vertical ? x : y;
                    int wave = Math.abs(Math.floorMod(a + phase, 2 * amplitude) - amplitude);
                    return Math.floorMod(b + wave + offset, period) < period / 2;
                };
            }
            case SPECKLE: {
                int cell = 1 + r.nextInt(2);
                int cells = size / cell + 2;
                boolean[] bits = new boolean[cells * cells];
                for (int i = 0; i < bits.length; i++) {
                    bits[i] = r.nextBoolean();
                }
                return (x, y) -> bits[Math.floorDiv(y, cell) * cells + Math.floorDiv(x, cell)];
            }
            default:
                throw new IllegalStateException(name());
        }
    }

    private static int along(int orientation, int x, int y) {
        return switch (orientation) {
            case 0 -> x;
            case 1 -> y;
            case 2 -> x + y;
            default -> x - y + 64;
        };
    }
}
