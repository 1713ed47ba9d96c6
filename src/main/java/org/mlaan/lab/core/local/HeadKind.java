package org.mlaan.lab.core.local;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import org.mlaan.lab.core.config.ConfigWord;

/**
 * The independent auxiliary head a local module may carry (ALGORITHMS.md Part A.2, Part B §3 and
 * §10), by its id in configs: {@code none}, {@code probe}, {@code dgl}, {@code infopro},
 * {@code infopro-2c2f}, {@code auglocal}.
 */
public enum HeadKind implements ConfigWord {
    /** No independent head. */
    NONE("none"),
    /** Global average pool + one linear layer (MLAAN's g_i and h_i). */
    PROBE("probe"),
    /** The MAN++ copy of the DGL head: 8x8 pool, three conv1x1 at 128, a 512-wide MLP. */
    DGL("dgl"),
    /** InfoPro's 1c2f head: one conv3x3, GAP, FC to 128, FC to the classes. */
    INFOPRO_1C2F("infopro"),
    /** InfoPro's 2c2f head: the 1c2f head with a second conv3x3. */
    INFOPRO_2C2F("infopro-2c2f"),
    /** AugLocal: fresh blocks with the widths of uniformly sampled later layers, GAP, FC. */
    AUGLOCAL("auglocal");

    private final String id;

    HeadKind(String id) {
        this.id = id;
    }

    /** The id used in configs and on the command line. */
    @Override
    @JsonValue
    public String id() {
        return id;
    }

    /**
     * Parses an id (case and surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the accepted ids
     */
    @JsonCreator
    public static HeadKind parse(String text) {
        return ConfigWord.parse(HeadKind.class, text, "head");
    }

    /** Whether the head is one of InfoPro's (its loss adds the decoder's reconstruction term). */
    public boolean isInfoPro() {
        return this == INFOPRO_1C2F || this == INFOPRO_2C2F;
    }

    /** Every accepted id, for messages. */
    public static List<String> ids() {
        return ConfigWord.ids(HeadKind.class);
    }
}
