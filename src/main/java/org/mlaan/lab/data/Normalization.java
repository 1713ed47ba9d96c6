package org.mlaan.lab.data;

/**
 * Per-channel mean and standard deviation on the 0..1 scale, applied as {@code (v/255 - mean)/std}
 * (ALGORITHMS.md Part B §7).
 */
public record Normalization(float[] mean, float[] std) {

    /** CIFAR-10: mean (125.3,123.0,113.9)/255, std (63.0,62.1,66.7)/255. */
    public static final Normalization CIFAR10 = new Normalization(
            new float[] {125.3f / 255, 123.0f / 255, 113.9f / 255},
            new float[] {63.0f / 255, 62.1f / 255, 66.7f / 255});
    /** SVHN and STL-10: mean 0.5, std 0.5 on every channel. */
    public static final Normalization HALF = new Normalization(
            new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f});
    /** ImageNet: mean (0.485,0.456,0.406), std (0.229,0.224,0.225). */
    public static final Normalization IMAGENET = new Normalization(
            new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});

    public Normalization {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean and std need one value per channel");
        }
        mean = mean.clone();
        std = std.clone();
    }

    public float apply(int channel, int value) {
        return (value / 255f - mean[channel]) / std[channel];
    }

    /** As {@link #apply(int, int)} for a value already interpolated on the 0..255 scale. */
    public float applyScaled(int channel, float value) {
        return (value / 255f - mean[channel]) / std[channel];
    }

    /** Back from a normalised value to 0..1 (InfoPro's decoder target, Part B §3). */
    public float restore(int channel, float normalised) {
        return normalised * std[channel] + mean[channel];
    }
}
