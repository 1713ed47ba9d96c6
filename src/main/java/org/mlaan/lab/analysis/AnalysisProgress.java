package org.mlaan.lab.analysis;

/** Where a long analysis is: shown as a progress line in the CLI and a progress bar in the window. */
@FunctionalInterface
public interface AnalysisProgress {
    /** Does nothing. */
    AnalysisProgress NONE = (what, fraction) -> { };

    /**
     * @param what what is being done, for a person ("module 3/4: fitting the linear classifier")
     * @param fraction how much of the whole analysis is done, 0..1
     */
    void update(String what, double fraction);
}
