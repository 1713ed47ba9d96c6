package org.mlaan.lab.core.run;

import java.util.List;

/**
 * The weights file a run started from ({@code train --init}) instead of its seed's initial
 * weights, so that its provenance says what the run began with: the file's path, size and
 * SHA-256 as it was read, and the arrays in it that the run did not use.
 *
 * @param file the file as given, made absolute
 * @param bytes its length when read
 * @param sha256 the SHA-256 of the bytes read, lower-case hex
 * @param arrays how many of its arrays were copied into the backbone
 * @param ignored the names of the arrays it holds that the backbone has no place for and that
 *     the lab ignores by rule ({@code aux.*} arrays, PyTorch's {@code *.num_batches_tracked})
 */
public record InitFrom(String file, long bytes, String sha256, int arrays, List<String> ignored) {
    public InitFrom {
        ignored = ignored == null ? List.of() : List.copyOf(ignored);
    }
}
