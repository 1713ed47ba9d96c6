package org.mlaan.lab.data;

import java.util.SplittableRandom;

/**
 * Where the three markers of a built-in image go. An arrangement class fixes only the shape of the
 * layout (a line, a diagonal, a triangle pointing one way); its size, position and a one-pixel
 * jitter of every marker are random, so the class lives in the relation between markers at least
 * {@value #MIN_SPACING} pixels apart and in nothing a single marker's neighbourhood shows. The
 * texture classes scatter their markers anywhere.
 */
final class MarkerLayout {
    /** Image edge. */
    static final int SIZE = 32;
    /**
     * Markers keep this far from the border. Reflect padding by 4 shows source columns 1..4 (and
     * 27..30) beyond the edges, so a marker that reached column 4 would leave a mirrored sliver
     * at the border of a shifted crop: a fourth, partial marker.
     */
    static final int MARGIN = 5;
    /** Smallest centre-to-centre distance between two markers, in pixels, jitter included. */
    static final int MIN_SPACING = 7;

    private MarkerLayout() {}

    /** Lowest centre coordinate for markers of radius r. */
    static int low(int radius) {
        return MARGIN + radius;
    }

    /** Highest centre coordinate for markers of radius r. */
    static int high(int radius) {
        return SIZE - 1 - MARGIN - radius;
    }

    /** Three marker centres as {x, y} pairs. */
    static int[][] place(SceneClass c, int radius, SplittableRandom r) {
        if (!c.isArrangement()) {
            return scattered(r, radius);
        }
        int span = high(radius) - low(radius);
        int[][] p = switch (c) {
            case ROW -> line(r, span);
            case COLUMN -> transpose(line(r, span));
            case DIAGONAL -> mirrorMaybe(r, diagonal(r, span));
            case TRI_UP -> triangle(r, span, true);
            case TRI_DOWN -> triangle(r, span, false);
            case TRI_SIDE -> mirrorMaybe(r, transpose(triangle(r, span, r.nextBoolean())));
            default -> throw new IllegalStateException("no layout for " + c);
        };
        return translate(r, p, radius);
    }

    /** Three markers on a horizontal line, spacing 8..9, each off the line by at most 1. */
    private static int[][] line(SplittableRandom r, int span) {
        int d = between(r, 8, Math.min(9, span / 2));
        return new int[][] {
            {0, jitter(r)}, {d + jitter(r), jitter(r)}, {2 * d, jitter(r)}};
    }

    /** Three markers on the main diagonal, spacing 7..9 along each axis (9.9..12.7 apart before jitter). */
    private static int[][] diagonal(SplittableRandom r, int span) {
        int d = between(r, 7, Math.min(9, (span - 1) / 2));
        return new int[][] {
            {jitter(r), 0}, {d + jitter(r), d + jitter(r)}, {2 * d, 2 * d + jitter(r)}};
    }

    /** An isosceles triangle, apex on top (pointing up) or at the bottom: base 10..18 wide, 8..14 high. */
    private static int[][] triangle(SplittableRandom r, int span, boolean up) {
        int half = between(r, 5, Math.min(9, span / 2));
        int height = between(r, 8, Math.min(14, span - 1));
        int apexY = up ? 0 : height;
        int baseY = up ? height : 0;
        return new int[][] {
            {half + jitter(r), apexY}, {0, baseY + jitter(r)}, {2 * half, baseY + jitter(r)}};
    }

    /** Anywhere, at least MIN_SPACING apart: the texture classes' markers carry no layout. */
    private static int[][] scattered(SplittableRandom r, int radius) {
        int lo = low(radius);
        int hi = high(radius);
        int[][] p = new int[3][];
        for (int attempt = 0; ; attempt++) {
            for (int k = 0; k < 3; k++) {
                p[k] = new int[] {between(r, lo, hi), between(r, lo, hi)};
            }
            if (attempt > 200 || minDistance(p) >= MIN_SPACING) {
                return p;
            }
        }
    }

    /** Smallest distance between two of the points. */
    static double minDistance(int[][] p) {
        double min = Double.MAX_VALUE;
        for (int i = 0; i < p.length; i++) {
            for (int j = i + 1; j < p.length; j++) {
                min = Math.min(min, Math.hypot(p[i][0] - p[j][0], p[i][1] - p[j][1]));
            }
        }
        return min;
    }

    /** Moves the layout to a random place with every centre inside the allowed square. */
    private static int[][] translate(SplittableRandom r, int[][] p, int radius) {
        int minX = Integer.MAX_VALUE;
        int maxX = Integer.MIN_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxY = Integer.MIN_VALUE;
        for (int[] q : p) {
            minX = Math.min(minX, q[0]);
            maxX = Math.max(maxX, q[0]);
            minY = Math.min(minY, q[1]);
            maxY = Math.max(maxY, q[1]);
        }
        int lo = low(radius);
        int hi = high(radius);
        int dx = between(r, lo - minX, hi - maxX);
        int dy = between(r, lo - minY, hi - maxY);
        int[][] out = new int[p.length][];
        for (int k = 0; k < p.length; k++) {
            out[k] = new int[] {p[k][0] + dx, p[k][1] + dy};
        }
        return out;
    }

    private static int[][] transpose(int[][] p) {
        int[][] out = new int[p.length][];
        for (int k = 0; k < p.length; k++) {
            out[k] = new int[] {p[k][1], p[k][0]};
        }
        return out;
    }

    private static int[][] mirrorMaybe(SplittableRandom r, int[][] p) {
        if (!r.nextBoolean()) {
            return p;
        }
        int[][] out = new int[p.length][];
        for (int k = 0; k < p.length; k++) {
            out[k] = new int[] {-p[k][0], p[k][1]};
        }
        return out;
    }

    private static int jitter(SplittableRandom r) {
        return r.nextInt(3) - 1;
    }

    /** Uniform in lo..hi, both included. */
    static int between(SplittableRandom r, int lo, int hi) {
        if (hi < lo) {
            throw new IllegalStateException("empty range " + lo + ".." + hi);
        }
        return lo + r.nextInt(hi - lo + 1);
    }
}
