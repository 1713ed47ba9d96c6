package org.mlaan.lab.core.local;

/** How leap and MAN copies of backbone blocks start (ALGORITHMS.md Part A.4, Part B §5-§6). */
public enum CopyInit {
    /** Exact copies of the live blocks after initialisation (the MLAAN CIFAR code). */
    COPY("copy"),
    /** Independent random initialisation (the MAN and MLAAN ImageNet code). */
    REINIT("reinit");

    private final String id;

    CopyInit(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static CopyInit parse(String text) {
        for (CopyInit c : values()) {
            if (c.id.equalsIgnoreCase(text.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown copy init '" + text + "', expected copy or reinit");
    }
}
