package org.mlaan.lab.core.config;

import java.util.List;

/**
 * Training methods by their names in configs and the UI (ALGORITHMS.md Part A.2): end-to-end
 * backprop and the combinations of local auxiliary roles.
 */
public enum Method implements ConfigWord {
    BP("BP"),
    DGL("DGL"),
    INFOPRO("InfoPro"),
    DGL_MLM("DGL+MLM"),
    DGL_LAM("DGL+LAM"),
    DGL_MLAAN("DGL+MLAAN"),
    INFOPRO_MLAAN("InfoPro+MLAAN"),
    MAN("MAN"),
    MAN_PLUS_PLUS("MAN++"),
    AUGLOCAL("AugLocal");

    private final String label;

    Method(String label) {
        this.label = label;
    }

    /** The name written in configs, e.g. {@code DGL+MLAAN}. */
    public String label() {
        return label;
    }

    @Override
    public String id() {
        return label;
    }

    public static Method parse(String text) {
        return ConfigWord.parse(Method.class, text, "method");
    }

    public static List<String> labels() {
        return ConfigWord.ids(Method.class);
    }
}
