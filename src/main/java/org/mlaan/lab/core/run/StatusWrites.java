package org.mlaan.lab.core.run;

import java.io.IOException;
import java.util.Optional;

/** The fallback of {@link RunFolder#writeStatusHard}: one way to write, then another. */
final class StatusWrites {
    private StatusWrites() {}

    /** A way to write the status. */
    @FunctionalInterface
    interface Write {
        void run() throws IOException;
    }

    /** Tries {@code first}, then {@code fallback}; the error of the fallback (the first's suppressed in it) when both fail. */
    static Optional<IOException> hard(Write first, Write fallback) {
        try {
            first.run();
            return Optional.empty();
        } catch (IOException | RuntimeException firstError) {
            try {
                fallback.run();
                return Optional.empty();
            } catch (IOException | RuntimeException second) {
                IOException e = second instanceof IOException io ? io : new IOException(second.getMessage(), second);
                e.addSuppressed(firstError);
                return Optional.of(e);
            }
        }
    }
}
