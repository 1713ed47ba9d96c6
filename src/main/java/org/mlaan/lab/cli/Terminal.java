package org.mlaan.lab.cli;

import java.io.PrintStream;

/**
 * The process's standard streams, for the one place that talks to a terminal: the command line
 * (and the jar's entry point, which hands them to the window's launcher for its
 * {@code --screenshot} mode). Everything else logs through SLF4J or shows a message in the window
 * (the architecture test holds it).
 */
public final class Terminal {
    private Terminal() {}

    public static PrintStream out() {
        return System.out;
    }

    public static PrintStream err() {
        return System.err;
    }
}
