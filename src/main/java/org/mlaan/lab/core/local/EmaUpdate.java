package org.mlaan.lab.core.local;

/** Which EMA twins are updated each step (ALGORITHMS.md Part A.4). */
public enum EmaUpdate {
    /** Every twin, every step, from the live blocks: the lab's default. */
    EVERY("every"),
    /** Only the last module's twin, as the MLAAN CIFAR code does (Part B §5). */
    LAST_ONLY("lastOnly");

    private final String id;

    EmaUpdate(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static EmaUpdate parse(String text) {
        for (EmaUpdate e : values()) {
            if (e.id.equalsIgnoreCase(text.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown EMA update '" + text + "', expected every or lastOnly");
    }
}
