package org.mlaan.lab.core.split;

import java.util.List;

/** A split or auxiliary plan that cannot run; each problem names the module or cut and why. */
public final class SplitException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public SplitException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
