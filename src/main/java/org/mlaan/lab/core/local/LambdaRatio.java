package org.mlaan.lab.core.local;

/**
 * What the InfoPro weights interpolate over (ALGORITHMS.md Part B §3, §4, §6): ratio = index/(K-2)
 * with the module index (InfoPro) or the stage number of the module's block (MAN, InfoPro-bin).
 */
public enum LambdaRatio {
    MODULE("module"),
    STAGE("stage");

    private final String id;

    LambdaRatio(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static LambdaRatio parse(String text) {
        for (LambdaRatio r : values()) {
            if (r.id.equalsIgnoreCase(text.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown lambda ratio '" + text + "', expected module or stage");
    }
}
