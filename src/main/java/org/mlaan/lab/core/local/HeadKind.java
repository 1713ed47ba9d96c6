package org.mlaan.lab.core.local;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The auxiliary heads a module's local loss can use (ALGORITHMS.md Part A.2, Part B §3, §4, §10). */
public enum HeadKind {
    /** No head: the module has no loss on this path. */
    NONE("none"),
    /** Global average pool + linear (MLAAN's g_i and h_i). */
    PROBE("probe"),
    /** The MAN++ copy of the DGL head: 8x8 pool, three conv1x1 at width 128, a 3-layer MLP. */
    DGL("dgl"),
    /** InfoPro's 1c2f head (one conv, two linear layers). */
    INFOPRO_1C2F("infopro"),
    /** InfoPro's 2c2f head (two convs), MAN's CIFAR default. */
    INFOPRO_2C2F("infopro-2c2f"),
    /** AugLocal: fresh blocks with widths sampled from later layers, pyramid depth. */
    AUGLOCAL("auglocal");

    private final String id;

    HeadKind(String id) {
        this.id = id;
    }

    /** The name used in configs. */
    public String id() {
        return id;
    }

    /** Whether the head is one of InfoPro's (its loss adds the decoder's reconstruction term). */
    public boolean isInfoPro() {
        return this == INFOPRO_1C2F || this == INFOPRO_2C2F;
    }

    public static HeadKind parse(String text) {
        if (text != null) {
            for (HeadKind k : values()) {
                if (k.id.equalsIgnoreCase(text.trim())) {
                    return k;
                }
            }
        }
        throw new IllegalArgumentException("unknown head '" + text + "', expected one of " + ids());
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(HeadKind::id).collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
