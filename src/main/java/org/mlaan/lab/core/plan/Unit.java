package org.mlaan.lab.core.plan;

/**
 * One link of the backbone chain: the stem, one residual block {@code s.b}, or the head. It
 * answers "what comes out of this unit, at what shape and cost", which the split editor, the
 * auxiliary-net factory and the memory model all ask.
 *
 * @param index position in the chain, the stem being 0
 * @param name {@code stem}, {@code s.b} (stage s from 1, block b from 0) or {@code head}
 * @param kind stem, block or head
 * @param stage stage number from 1 for blocks, 0 for the stem and the head
 * @param block block number in its stage from 0, or -1 for the stem and the head
 * @param in shape of one input sample
 * @param out shape of one output sample
 * @param width the block's inner width ("planes"); the stem's output channels; the head's classes
 * @param stride spatial stride of the unit (the stem's includes its max-pool)
 * @param projection whether the block's shortcut is conv1x1 + BN rather than the identity
 * @param params trainable parameters (conv and linear weights and biases, BN scale and shift)
 * @param macs multiply-accumulates of one sample's forward pass (conv and linear layers)
 * @param activationBytes float32 bytes of every layer output inside the unit for one sample,
 *     the tensors end-to-end backprop keeps alive until the backward pass
 */
public record Unit(
        int index,
        String name,
        UnitKind kind,
        int stage,
        int block,
        TensorShape in,
        TensorShape out,
        int width,
        int stride,
        boolean projection,
        long params,
        long macs,
        long activationBytes) {

    public boolean isBlock() {
        return kind == UnitKind.BLOCK;
    }
}
