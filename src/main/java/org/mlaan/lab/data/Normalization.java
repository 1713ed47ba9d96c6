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

    /**
     * Per-channel mean and standard deviation of all pixels of {@code set}, on the 0..1 scale
     * (population statistics, as the published CIFAR-10 constants are).
     */
    public static Normalization measure(ImageSet set) {
        int c = set.channels();
        double[] sum = new double[c];
        double[] squares = new double[c];
        int plane = set.height() * set.width();
        for (int i = 0; i < set.size(); i++) {
            byte[] image = set.image(i);
            for (int ch = 0; ch < c; ch++) {
                for (int p = ch * plane; p < (ch + 1) * plane; p++) {
                    int v = image[p] & 0xFF;
                    sum[ch] += v;
                    squares[ch] += (double) v * v;
                }
            }
        }
        double n = (double) set.size() * plane;
        float[] mean = new float[c];
        float[] std = new float[c];
        for (int ch = 0; ch < c; ch++) {
            double m = sum[ch] / n;
            mean[ch] = (float) (m / 255);
            std[ch] = (float) (Math.sqrt(Math.max(0, squares[ch] / n - m * m)) / 255);
        }
        return new Normalization(mean, std);
    }

    /**
     * The built-in generated set: mean 0.5 and std 0.255 on every channel, measured over 10,000
     * generated training images (any seed gives the same to within 0.005, because every colour in
     * it is drawn uniformly). Fixed rather than measured per run, so that a checkpoint means the
     * same whatever the run's image count.
     */
    public static final Normalization BUILTIN = new Normalization(
            new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.255f, 0.255f, 0.255f});

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
