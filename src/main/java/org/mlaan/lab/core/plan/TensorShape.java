package org.mlaan.lab.core.plan;

/**
 * The shape of one sample's tensor: channels x height x width. A flat vector (the head's logits)
 * has height and width 1.
 */
public record TensorShape(int channels, int height, int width) {

    public TensorShape {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException(
                    "a tensor shape needs positive sizes, got " + channels + "x" + height + "x" + width);
        }
    }

    /** A flat vector of {@code n} values. */
    public static TensorShape vector(int n) {
        return new TensorShape(n, 1, 1);
    }

    /** Number of values in one sample. */
    public long elements() {
        return (long) channels * height * width;
    }

    /** True for a vector (height and width 1). */
    public boolean isVector() {
        return height == 1 && width == 1;
    }

    @Override
    public String toString() {
        return isVector() ? Integer.toString(channels) : channels + "x" + height + "x" + width;
    }
}
