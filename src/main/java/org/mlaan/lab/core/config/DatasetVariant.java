package org.mlaan.lab.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How the built-in set draws its classes: {@code standard}, the images every run trains on, or
 * {@code shifted}, the same classes and labels in another style, to test how a checkpoint
 * generalises to a changed domain (MLAAN paper, Table 6).
 */
public enum DatasetVariant {
    /** The built-in images as they have always been drawn. */
    STANDARD,
    /** The same scenes drawn darker, noisier and more cluttered. */
    SHIFTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DatasetVariant parse(String text) {
        if (text != null) {
            String key = text.trim().toLowerCase(Locale.ROOT);
            for (DatasetVariant v : values()) {
                if (v.id().equals(key)) {
                    return v;
                }
            }
        }
        throw new IllegalArgumentException("unknown variant '" + text + "', expected one of " + ids());
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(DatasetVariant::id).toList();
    }
}
