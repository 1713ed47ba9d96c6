package org.mlaan.lab.data;

import java.util.SplittableRandom;
import org.mlaan.lab.core.plan.TensorShape;

/**
 * Pad, random crop back to the image size, optional horizontal flip, normalise: the CIFAR-10,
 * SVHN and STL-10 training augmentation of ALGORITHMS.md Part B §7. With pad 0 and no flip it is
 * the plain test transform (ToTensor + normalise).
 */
public record PadCropFlip(int pad, PadMode mode, boolean flip, Normalization normalization)
        implements SampleTransform {

    /** How pixels outside the image are filled. */
    public enum PadMode {
        /** Mirror without repeating the edge (torchvision 'reflect'). */
        REFLECT,
        /** Black (torchvision's default constant fill). */
        ZERO
    }

    /** CIFAR-10 training: reflect-pad 4, random crop, flip. */
    public static PadCropFlip cifar10Train() {
        return new PadCropFlip(4, PadMode.REFLECT, true, Normalization.CIFAR10);
    }

    /** SVHN training: zero-pad 2, random crop, no flip (digits are not mirror-symmetric). */
    public static PadCropFlip svhnTrain() {
        return new PadCropFlip(2, PadMode.ZERO, false, Normalization.HALF);
    }

    /** STL-10 training: zero-pad 4, random 96 crop, flip. */
    public static PadCropFlip stl10Train() {
        return new PadCropFlip(4, PadMode.ZERO, true, Normalization.HALF);
    }

    /** No augmentation, normalisation only. */
    public static PadCropFlip plain(Normalization normalization) {
        return new PadCropFlip(0, PadMode.ZERO, false, normalization);
    }

    public PadCropFlip {
        if (pad < 0) {
            throw new IllegalArgumentException("pad must be >= 0, got " + pad);
        }
    }

    @Override
    public TensorShape outputShape(TensorShape source) {
        return source;
    }

    @Override
    public void apply(ImageSet set, int index, SplittableRandom random, float[] dst, int offset) {
        int c = set.channels();
        int h = set.height();
        int w = set.width();
        // Offsets into the padded image, drawn in torchvision's order: top, left, then the flip.
        int top = pad == 0 ? 0 : random.nextInt(2 * pad + 1);
        int left = pad == 0 ? 0 : random.nextInt(2 * pad + 1);
        boolean mirrored = flip && random.nextBoolean();
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                int sy = y + top - pad;
                for (int x = 0; x < w; x++) {
                    int px = mirrored ? w - 1 - x : x;
                    int sx = px + left - pad;
                    int value;
                    if (sy >= 0 && sy < h && sx >= 0 && sx < w) {
                        value = set.pixel(index, ch, sy, sx);
                    } else if (mode == PadMode.REFLECT) {
                        value = set.pixel(index, ch, reflect(sy, h), reflect(sx, w));
                    } else {
                        value = 0;
                    }
                    dst[offset + (ch * h + y) * w + x] = normalization.apply(ch, value);
                }
            }
        }
    }

    private static int reflect(int i, int n) {
        if (i < 0) {
            return -i;
        }
        if (i >= n) {
            return 2 * (n - 1) - i;
        }
        return i;
    }
}
