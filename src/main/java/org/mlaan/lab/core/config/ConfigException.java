package org.mlaan.lab.core.config;

import java.util.List;

/**
 * A config that cannot run. The message names the file (when there is one), each offending field
 * by its JSON path, and what was expected.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public ConfigException(String source, List<String> problems) {
        super(format(source, problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each starting with the field's path. */
    public List<String> problems() {
        return problems;
    }

    private static String format(String source, List<String> problems) {
        String where = source == null ? "config" : source;
        if (problems.size() == 1) {
            return where + ": " + problems.get(0);
        }
        return where + ": " + problems.size() + " problems:\n  - " + String.join("\n  - ", problems);
    }
}
