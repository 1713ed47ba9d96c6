package org.mlaan.lab.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A choice written as a word in configs and on the command line (a method, a head, a schedule...):
 * one way to name it and one way to read it back, so every choice accepts the same spellings and
 * refuses with the same kind of message.
 */
public interface ConfigWord {
    /** The word a config writes, e.g. {@code lastOnly} or {@code DGL+MLAAN}. */
    String id();

    /**
     * The constant of {@code type} whose word is {@code text}, ignoring case, surrounding space and
     * the separators {@code -} and {@code _} ({@code cosine_imagenet} is {@code cosine-imagenet}).
     *
     * @param what what the word names, for the message: "unknown {what} 'text', expected one of [...]"
     * @throws IllegalArgumentException naming every word accepted
     */
    static <E extends Enum<E> & ConfigWord> E parse(Class<E> type, String text, String what) {
        if (text != null) {
            String key = comparable(text);
            for (E e : type.getEnumConstants()) {
                if (comparable(e.id()).equals(key)) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + text + "', expected one of " + ids(type));
    }

    /** Every word of {@code type}, in declaration order. */
    static <E extends Enum<E> & ConfigWord> List<String> ids(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigWord::id).toList();
    }

    private static String comparable(String word) {
        return word.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
