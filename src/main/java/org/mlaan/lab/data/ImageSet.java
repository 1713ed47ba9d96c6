package org.mlaan.lab.data;

import java.util.Arrays;
import java.util.List;
import org.mlaan.lab.core.plan.TensorShape;

/**
 * A labelled set of images held in memory as 8-bit channel-first pixels, the form every reader
 * produces and every transform consumes. Image {@code i} occupies
 * {@code pixels[i * c * h * w .. (i + 1) * c * h * w)} in C, H, W order.
 */
public final class ImageSet {
    private final String name;
    private final List<String> classNames;
    private final int channels;
    private final int height;
    private final int width;
    private final byte[] pixels;
    private final int[] labels;

    public ImageSet(String name, List<String> classNames, int channels, int height, int width,
            byte[] pixels, int[] labels) {
        long perImage = (long) channels * height * width;
        if (perImage <= 0) {
            throw new IllegalArgumentException(name + ": image size must be positive, got "
                    + channels + "x" + height + "x" + width);
        }
        if (pixels.length != perImage * labels.length) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixel bytes do not hold "
                    + labels.length + " images of " + channels + "x" + height + "x" + width);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of image " + i
                        + " is outside 0.." + (classNames.size() - 1));
            }
        }
        this.name = name;
        this.classNames = List.copyOf(classNames);
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.pixels = pixels;
        this.labels = labels;
    }

    public String name() {
        return name;
    }

    public List<String> classNames() {
        return classNames;
    }

    public int numClasses() {
        return classNames.size();
    }

    public int size() {
        return labels.length;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public TensorShape shape() {
        return new TensorShape(channels, height, width);
    }

    /** Bytes of one image. */
    public int imageBytes() {
        return channels * height * width;
    }

    public int label(int index) {
        return labels[index];
    }

    /** Pixel value 0..255 of image {@code index} at channel c, row y, column x. */
    public int pixel(int index, int c, int y, int x) {
        return pixels[index * imageBytes() + (c * height + y) * width + x] & 0xFF;
    }

    /** A copy of one image's bytes. */
    public byte[] image(int index) {
        int n = imageBytes();
        return Arrays.copyOfRange(pixels, index * n, (index + 1) * n);
    }

    /** The first {@code n} images (all of them when {@code n >= size()}). */
    public ImageSet head(int n) {
        if (n >= size()) {
            return this;
        }
        return new ImageSet(name, classNames, channels, height, width,
                Arrays.copyOf(pixels, n * imageBytes()), Arrays.copyOf(labels, n));
    }

    /**
     * Every image resized to {@code height x width} with {@link BilinearResampler} (antialiased
     * when shrinking, as torchvision's {@code Resize}); this set itself when it already has that size.
     */
    public ImageSet resized(int height, int width) {
        if (height == this.height && width == this.width) {
            return this;
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException(name + ": cannot resize to " + height + "x" + width);
        }
        int out = channels * height * width;
        byte[] resized = new byte[size() * out];
        for (int i = 0; i < size(); i++) {
            byte[] r = BilinearResampler.resizeToBytes(image(i), channels, this.height, this.width, height, width);
            System.arraycopy(r, 0, resized, i * out, out);
        }
        return new ImageSet(name + "@" + height + "x" + width, classNames, channels, height, width, resized,
                labels.clone());
    }

    /** Images per class, indexed by label. */
    public int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }
}
