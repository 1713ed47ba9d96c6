package org.mlaan.lab.core.io;

import java.util.Locale;

/** Byte counts in words a person reads at a glance: 512 B, 3.4 KiB, 457.5 MiB, 2.6 GiB. */
public final class ByteCounts {
    private ByteCounts() {}

    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
