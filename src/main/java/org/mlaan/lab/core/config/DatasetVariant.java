package org.mlaan.lab.core.config;

import java.util.List;
import java.util.Locale;

/**
 * How the built-in set draws its classes: {@code standard}, the images every run trains on, or
 * {@code shifted}, the same classes and labels in another style, to test how a checkpoint
 * generalises to a changed domain (MLAAN paper, Table 6), or {@code lesson}, the same scenes painted
 * clean so that a class sees the ablation's ordering within minutes (issue 14, decision 0011).
 */
public enum DatasetVariant implements ConfigWord {
    /** The built-in images as they have always been drawn. */
    STANDARD,
    /** The same scenes drawn darker, noisier and more cluttered. */
    SHIFTED,
    /** The same scenes drawn clean (no clutter, little noise), learned in far fewer images: the lesson's. */
    LESSON;

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DatasetVariant parse(String text) {
        return ConfigWord.parse(DatasetVariant.class, text, "variant");
    }

    public static List<String> ids() {
        return ConfigWord.ids(DatasetVariant.class);
    }
}
