package org.mlaan.lab.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Training methods by their names in configs and the UI (ALGORITHMS.md Part A.2): end-to-end
 * backprop and the combinations of local auxiliary roles.
 */
public enum Method {
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

    public static Method parse(String text) {
        if (text != null) {
            for (Method m : values()) {
                if (m.label.equalsIgnoreCase(text.trim())) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException("unknown method '" + text + "', expected one of " + labels());
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Method::label).collect(Collectors.toList());
    }
}
