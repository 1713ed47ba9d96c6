package org.mlaan.lab.engine.auxnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.mlaan.lab.data.Normalization;

/**
 * InfoPro's reconstruction loss (ALGORITHMS.md Part B §3): binary cross-entropy between the
 * decoder's output and the un-normalised input image in [0, 1], as {@code nn.BCELoss()} computes
 * it on {@code sigmoid(z)} (mean over every value, each log clamped at -100), but from the
 * decoder's logits z. log p = -softplus(-z) and log(1 - p) = -softplus(z) are finite for every z,
 * so a saturated sigmoid gives a finite loss and a finite gradient: computed from p, a p that
 * rounds to exactly 0 or 1 makes the backward 0 / 0 = NaN (BCELoss avoids it inside its fused
 * kernel, which DJL does not expose). Where p(1 - p) >= 1e-12 the gradient is BCELoss's; beyond,
 * BCELoss's gradient vanishes and this one is p - t until a term reaches the clamp.
 * Results are attached to the logits' manager.
 */
public final class ReconstructionLoss {
    /** torch.nn.BCELoss clamps its log terms at -100 so that a 0 or 1 prediction stays finite. */
    static final float LOG_FLOOR = -100f;

    private ReconstructionLoss() {}

    // ALGORITHMS.md Part B §3: BCE(sigmoid(z), img * std + mean).
    /** Mean of {@code -(t log sigmoid(z) + (1 - t) log(1 - sigmoid(z)))} over all values; shapes must match. */
    public static NDArray bceWithLogits(NDArray logits, NDArray imagesIn01) {
        if (!logits.getShape().equals(imagesIn01.getShape())) {
            throw new IllegalArgumentException("decoded " + logits.getShape() + " and images "
                    + imagesIn01.getShape() + " differ in shape");
        }
        NDArray minusLogP = softplus(logits.neg()).minimum(-LOG_FLOOR);
        NDArray minusLogNotP = softplus(logits).minimum(-LOG_FLOOR);
        NDArray notT = imagesIn01.neg().add(1);
        return minusLogP.mul(imagesIn01).add(minusLogNotP.mul(notT)).mean();
    }

    /** log(1 + e^u) as max(u, 0) + log(1 + e^-|u|): no overflow for any u. */
    private static NDArray softplus(NDArray u) {
        return u.maximum(0f).add(u.abs().neg().exp().add(1).log());
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
