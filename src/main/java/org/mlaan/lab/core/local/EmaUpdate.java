package org.mlaan.lab.core.local;

import org.mlaan.lab.core.config.ConfigWord;

/** Which EMA twins are updated each step (ALGORITHMS.md Part A.4). */
public enum EmaUpdate implements ConfigWord {
    /** Every twin, every step, from the live blocks: the lab's default. */
    EVERY("every"),
    /** Only the last module's twin, as the MLAAN CIFAR code does (Part B §5). */
    LAST_ONLY("lastOnly");

    private final String id;

    EmaUpdate(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static EmaUpdate parse(String text) {
        return ConfigWord.parse(EmaUpdate.class, text, "EMA update");
    }
}
