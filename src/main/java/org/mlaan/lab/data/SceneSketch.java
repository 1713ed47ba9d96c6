package org.mlaan.lab.data;

/**
 * The layout of one built-in image before it is painted: its class, the marker glyph and the three
 * marker centres ({x, y}), and the square box of the texture patch. Tests read it to check the
 * geometry that defines the arrangement classes.
 */
record SceneSketch(SceneClass sceneClass, MarkerShape shape, int radius, int[][] centres,
        int patchX, int patchY, int patchSize) {}
