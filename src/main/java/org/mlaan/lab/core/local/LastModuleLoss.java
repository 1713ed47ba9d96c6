package org.mlaan.lab.core.local;

/** The loss of the last module when a cascaded path reaches it (ALGORITHMS.md Part A.5). */
public enum LastModuleLoss {
    /** wx*CE(fc(x)) + wy*CE(fc(y)), the ImageNet code: the lab's default. */
    BOTH("both"),
    /** CE(fc(y)) only, the CIFAR code's behaviour (its x-path loss is computed and overwritten). */
    Y_ONLY("yOnly");

    private final String id;

    LastModuleLoss(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static LastModuleLoss parse(String text) {
        for (LastModuleLoss l : values()) {
            if (l.id.equalsIgnoreCase(text.trim())) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown last-module loss '" + text + "', expected both or yOnly");
    }
}
