package org.mlaan.lab.core.config;

import java.util.List;

/**
 * A config that cannot run. The message names the file (when there is one), each offending field
 * by its JSON path, and what was expected.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;
    /**
     * Problems the message lists before it only counts the rest: a generated config with millions of
     * bad entries must not print hundreds of MiB to the terminal, and the first ones show the mistake.
     */
    static final int LISTED_IN_MESSAGE = 20;

    private final List<String> problems;

    public ConfigException(String source, List<String> problems) {
        super(format(source, problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each starting with the field's path; all of them, also those the message leaves out. */
    public List<String> problems() {
        return problems;
    }

    private static String format(String source, List<String> problems) {
        String where = source == null ? "config" : source;
        if (problems.size() == 1) {
            return where + ": " + problems.get(0);
        }
        List<String> listed = problems.subList(0, Math.min(problems.size(), LISTED_IN_MESSAGE));
        String more = problems.size() > listed.size()
                ? "\n  ... and " + (problems.size() - listed.size()) + " more"
                : "";
        return where + ": " + problems.size() + " problems:\n  - " + String.join("\n  - ", listed) + more;
    }
}
