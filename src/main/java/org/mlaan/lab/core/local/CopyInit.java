package org.mlaan.lab.core.local;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.mlaan.lab.core.config.ConfigWord;

/**
 * How the trainable copies and EMA twins of backbone blocks (LAM, MAN, MAN++) start (ALGORITHMS.md
 * Part A.4, Part B §5 "Initial values"): {@code copy} or {@code reinit}.
 */
public enum CopyInit implements ConfigWord {
    /** Equal to the live blocks after the backbone's initialisation (the MLAAN CIFAR code). */
    COPY("copy"),
    /** Independent random initialisation (the MAN code and the MLAAN ImageNet code). */
    REINIT("reinit");

    private final String id;

    CopyInit(String id) {
        this.id = id;
    }

    /** The id used in configs. */
    @Override
    @JsonValue
    public String id() {
        return id;
    }

    /**
     * Parses {@code copy} or {@code reinit} (case and surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the accepted ids
     */
    @JsonCreator
    public static CopyInit parse(String text) {
        return ConfigWord.parse(CopyInit.class, text, "copy init");
    }
}
