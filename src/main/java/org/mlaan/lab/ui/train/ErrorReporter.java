package org.mlaan.lab.ui.train;

/** Tells a person that something they asked for went wrong (a dialog in the window; tests record it). */
@FunctionalInterface
interface ErrorReporter {
    void report(String title, String message);
}
