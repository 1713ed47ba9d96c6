package org.mlaan.lab.ui.common;

import java.nio.file.Path;

/**
 * A path as the window shows it: relative to the folder the lab was started from when it lies
 * under it ({@code runs/demo-...}), under {@code ~} when it lies in the home folder, else whole.
 * Short, and the same on every machine for the same layout (screenshots in the README show no
 * machine's own folders).
 */
public final class DisplayPaths {
    private DisplayPaths() {}

    public static String of(Path p) {
        return of(p, Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home", "/")));
    }

    static String of(Path p, Path workingDir, Path home) {
        Path abs = p.toAbsolutePath().normalize();
        Path cwd = workingDir.toAbsolutePath().normalize();
        if (abs.startsWith(cwd) && !abs.equals(cwd)) {
            return cwd.relativize(abs).toString();
        }
        Path h = home.toAbsolutePath().normalize();
        if (abs.startsWith(h) && !h.toString().equals("/")) {
            return "~/" + h.relativize(abs);
        }
        return abs.toString();
    }
}
