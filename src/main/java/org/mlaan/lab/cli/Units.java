package org.mlaan.lab.cli;

import org.mlaan.lab.core.io.ByteCounts;

/** Human-readable byte counts and durations for the command line's tables and progress line. */
final class Units {
    private Units() {}

    static String bytes(long b) {
        return b < 0 ? "n/a" : ByteCounts.format(b);
    }

}
