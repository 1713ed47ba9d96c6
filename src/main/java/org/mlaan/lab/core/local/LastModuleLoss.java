package org.mlaan.lab.core.local;

import org.mlaan.lab.core.config.ConfigWord;

/** The loss of the last module when a cascaded path reaches it (ALGORITHMS.md Part A.5). */
public enum LastModuleLoss implements ConfigWord {
    /** wx*CE(fc(x)) + wy*CE(fc(y)), the ImageNet code: the lab's default. */
    BOTH("both"),
    /** CE(fc(y)) only, the CIFAR code's behaviour (its x-path loss is computed and overwritten). */
    Y_ONLY("yOnly");

    private final String id;

    LastModuleLoss(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static LastModuleLoss parse(String text) {
        return ConfigWord.parse(LastModuleLoss.class, text, "last-module loss");
    }
}
