package org.mlaan.lab.core.local;

/** The MAN family's momentum auxiliary on the block after a module (ALGORITHMS.md Part B §6). */
public enum MomentumAuxKind {
    NONE("none"),
    /** y = LB(x) + EMA(x): a trainable and an EMA copy of the next block, summed. */
    MAN("man"),
    /** y = s*LB(x) + (2-s)*EMA(x) with a learnable scalar s from 1. */
    MAN_PLUS_PLUS("man++");

    private final String id;

    MomentumAuxKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static MomentumAuxKind parse(String text) {
        for (MomentumAuxKind k : values()) {
            if (k.id.equalsIgnoreCase(text.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown momentum aux '" + text + "', expected none, man or man++");
    }
}
