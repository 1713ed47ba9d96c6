package org.mlaan.lab.engine.auxnet;

import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import java.util.Map;

/**
 * An auxiliary block without EMA twins (a head, a decoder): every parameter of its children is
 * trained, none is averaged. Heads and the decoder share these accessors.
 */
public abstract class PlainAuxBlock extends AbstractBlock implements AuxComponent {

    protected PlainAuxBlock(byte version) {
        super(version);
    }

    /** Number of trainable values. */
    public long parameterCount() {
        return BlockParameters.count(trainableParameters());
    }

    @Override
    public Map<String, Parameter> trainableParameters() {
        return BlockParameters.trainable(this);
    }

    @Override
    public Map<String, Parameter> twinParameters() {
        return Map.of();
    }

    @Override
    public Map<String, Parameter> allParameters() {
        return BlockParameters.all(this);
    }
}
