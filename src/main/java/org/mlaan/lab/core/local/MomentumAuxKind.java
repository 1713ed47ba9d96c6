package org.mlaan.lab.core.local;

import org.mlaan.lab.core.config.ConfigWord;

/** The MAN family's momentum auxiliary on the block after a module (ALGORITHMS.md Part B §6). */
public enum MomentumAuxKind implements ConfigWord {
    NONE("none"),
    /** y = LB(x) + EMA(x): a trainable and an EMA copy of the next block, summed. */
    MAN("man"),
    /** y = s*LB(x) + (2-s)*EMA(x) with a learnable scalar s from 1. */
    MAN_PLUS_PLUS("man++");

    private final String id;

    MomentumAuxKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static MomentumAuxKind parse(String text) {
        return ConfigWord.parse(MomentumAuxKind.class, text, "momentum aux");
    }
}
