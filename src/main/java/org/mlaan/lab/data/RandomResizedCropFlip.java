package org.mlaan.lab.data;

import java.util.SplittableRandom;
import org.mlaan.lab.core.plan.TensorShape;

/**
 * torchvision's {@code RandomResizedCrop(size, scale, ratio)} followed by a random horizontal flip
 * and normalisation: the ImageNet training augmentation of ALGORITHMS.md Part B §7. A rectangle
 * of a random share of the image's area and a random aspect ratio (drawn on a log scale) is cut
 * out and resized bilinearly to {@code size x size}; after ten misses it falls back to the
 * central crop, as torchvision does.
 */
public record RandomResizedCropFlip(int size, double minScale, double maxScale, double minRatio,
        double maxRatio, boolean flip, Normalization normalization) implements SampleTransform {

    /** ImageNet training: scale 0.08..1, ratio 3/4..4/3, flip, ImageNet normalisation. */
    public static RandomResizedCropFlip imagenetTrain(int size) {
        return new RandomResizedCropFlip(size, 0.08, 1.0, 3.0 / 4.0, 4.0 / 3.0, true,
                Normalization.IMAGENET);
    }

    public RandomResizedCropFlip {
        if (size <= 0) {
            throw new IllegalArgumentException("crop size must be positive, got " + size);
        }
        if (!(minScale > 0 && minScale <= maxScale && maxScale <= 1)) {
            throw new IllegalArgumentException("scale range must lie in (0, 1], got " + minScale
                    + ".." + maxScale);
        }
        if (!(minRatio > 0 && minRatio <= maxRatio)) {
            throw new IllegalArgumentException("ratio range must be positive and ordered, got "
                    + minRatio + ".." + maxRatio);
        }
    }

    /** A crop rectangle in source pixels. */
    record Crop(int top, int left, int height, int width) {}

    @Override
    public TensorShape outputShape(TensorShape source) {
        return new TensorShape(source.channels(), size, size);
    }

    @Override
    public void apply(ImageSet set, int index, SplittableRandom random, float[] dst, int offset) {
        int h = set.height();
        int w = set.width();
        Crop crop = crop(h, w, random);
        boolean mirrored = flip && random.nextBoolean();
        float[] resized = BilinearResampler.resize(set.image(index), 0, set.channels(), h, w,
                crop.top, crop.left, crop.height, crop.width, size, size);
        for (int c = 0; c < set.channels(); c++) {
            for (int y = 0; y < size; y++) {
                int row = (c * size + y) * size;
                for (int x = 0; x < size; x++) {
                    float v = resized[row + (mirrored ? size - 1 - x : x)];
                    dst[offset + row + x] = normalization.applyScaled(c, v);
                }
            }
        }
    }

    /** torchvision's {@code RandomResizedCrop.get_params}. */
    Crop crop(int height, int width, SplittableRandom random) {
        double area = (double) height * width;
        double logMin = Math.log(minRatio);
        double logMax = Math.log(maxRatio);
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * uniform(random, minScale, maxScale);
            double ratio = Math.exp(uniform(random, logMin, logMax));
            int cw = (int) Math.round(Math.sqrt(target * ratio));
            int ch = (int) Math.round(Math.sqrt(target / ratio));
            if (cw > 0 && cw <= width && ch > 0 && ch <= height) {
                int top = random.nextInt(height - ch + 1);
                int left = random.nextInt(width - cw + 1);
                return new Crop(top, left, ch, cw);
            }
        }
        double inRatio = (double) width / height;
        int cw = width;
        int ch = height;
        if (inRatio < minRatio) {
            ch = (int) Math.round(cw / minRatio);
        } else if (inRatio > maxRatio) {
            cw = (int) Math.round(ch * maxRatio);
        }
        return new Crop((height - ch) / 2, (width - cw) / 2, ch, cw);
    }

    private static double uniform(SplittableRandom random, double lo, double hi) {
        return lo == hi ? lo : lo + (hi - lo) * random.nextDouble();
    }
}
