package org.mlaan.lab.engine.auxnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.mlaan.lab.data.Normalization;

/**
 * InfoPro's reconstruction loss (ALGORITHMS.md Part B §3): binary cross-entropy between the
 * decoder's output and the un-normalised input image in [0, 1], as {@code nn.BCELoss()} computes
 * it (mean over every value, each log clamped at -100). Results are attached to the decoded
 * array's manager.
 */
public final class ReconstructionLoss {
    /** torch.nn.BCELoss clamps its log terms at -100 so that a 0 or 1 prediction stays finite. */
    static final float LOG_FLOOR = -100f;

    private ReconstructionLoss() {}

    // ALGORITHMS.md Part B §3: BCE against img * std + mean.
    /** Mean of {@code -(t log p + (1 - t) log(1 - p))} over all values; shapes must match. */
    public static NDArray bce(NDArray decoded, NDArray imagesIn01) {
        if (!decoded.getShape().equals(imagesIn01.getShape())) {
            throw new IllegalArgumentException("decoded " + decoded.getShape() + " and images "
                    + imagesIn01.getShape() + " differ in shape");
        }
        NDArray logP = decoded.log().maximum(LOG_FLOOR);
        NDArray logNotP = decoded.neg().add(1).log().maximum(LOG_FLOOR);
        NDArray notT = imagesIn01.neg().add(1);
        return logP.mul(imagesIn01).add(logNotP.mul(notT)).mean().neg();
    }

    /**
     * The decoder's target: a normalised batch (B, C, H, W) brought back to [0, 1] by
     * {@code x * std + mean} per channel; the result and the constants live in the batch's manager.
     */
    public static NDArray target(NDArray normalisedImages, Normalization normalization) {
        int channels = normalization.mean().length;
        if (normalisedImages.getShape().dimension() != 4 || normalisedImages.getShape().get(1) != channels) {
            throw new IllegalArgumentException("expected a (B, " + channels + ", H, W) batch, got "
                    + normalisedImages.getShape());
        }
        NDManager m = normalisedImages.getManager();
        Shape perChannel = new Shape(1, channels, 1, 1);
        NDArray std = m.create(normalization.std(), perChannel);
        NDArray mean = m.create(normalization.mean(), perChannel);
        return normalisedImages.mul(std).add(mean);
    }
}
