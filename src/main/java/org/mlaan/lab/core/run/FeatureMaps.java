package org.mlaan.lab.core.run;

import java.util.List;

/**
 * Feature maps of a few fixed test images at the output of every unit but the head, taken with
 * the backbone in evaluation mode at one moment of training: what Figure 4 of the MLAAN paper
 * draws. Plain arrays, so the window can draw them without knowing the engine.
 *
 * @param globalStep steps the run had taken when the maps were taken
 * @param epoch the epoch in progress, from 0
 * @param units names of the units whose outputs were tapped, in chain order ({@code stem}, {@code 1.0}, ...)
 * @param images the tapped images, always the same ones in a run
 */
public record FeatureMaps(long globalStep, int epoch, List<String> units, List<Image> images) {

    public FeatureMaps {
        units = List.copyOf(units);
        images = List.copyOf(images);
    }

    /** How many of the strongest channels each {@link UnitMap} keeps. */
    public static final int TOP_CHANNELS = 3;

    /**
     * One test image and its maps.
     *
     * @param testIndex index in the test set
     * @param label its class index
     * @param className its class name
     * @param height image height in pixels
     * @param width image width in pixels
     * @param rgb the image as the network saw it, un-normalised, H*W*3 values in 0..1 (row-major, RGB)
     * @param maps one map per tapped unit, in the order of {@link FeatureMaps#units()}
     */
    public record Image(int testIndex, int label, String className, int height, int width, float[] rgb,
            List<UnitMap> maps) {
        public Image {
            maps = List.copyOf(maps);
        }
    }

    /**
     * The output of one unit for one image.
     *
     * @param unit the unit's name
     * @param channels channels of the output
     * @param height map height
     * @param width map width
     * @param channelMean the mean over channels, height*width values, row-major
     * @param topChannels the channels with the largest mean activation over the map, strongest first
     * @param topMaps the maps of those channels, each height*width values
     */
    public record UnitMap(String unit, int channels, int height, int width, float[] channelMean, int[] topChannels,
            List<float[]> topMaps) {
        public UnitMap {
            topMaps = List.copyOf(topMaps);
        }
    }

    /** The index of {@code unit} in {@link #units()}, or -1. */
    public int unitIndex(String unit) {
        return units.indexOf(unit);
    }
}
