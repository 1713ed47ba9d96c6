package org.mlaan.lab.data;

/**
 * The small glyphs used as markers in the built-in set, each drawn in a (2r+1)-pixel square. All
 * are symmetric under mirroring and transposition, so a marker looks the same in every layout.
 * None of them is a short line or a small bar, the shapes of the clutter.
 */
enum MarkerShape {
    PLUS, CROSS, RING, DIAMOND, DISC;

    /** Whether the pixel at offset (dx, dy) from the centre belongs to the glyph of radius r. */
    boolean covers(int dx, int dy, int r) {
        int ax = Math.abs(dx);
        int ay = Math.abs(dy);
        if (ax > r || ay > r) {
            return false;
        }
        return switch (this) {
            case PLUS -> ax == 0 || ay == 0;
            case CROSS -> ax == ay;
            case RING -> Math.max(ax, ay) == r;
            case DIAMOND -> ax + ay == r;
            case DISC -> ax * ax + ay * ay <= r * r + 1;
        };
    }
}
