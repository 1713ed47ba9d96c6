package org.mlaan.lab.ui.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The config's problems sorted onto the modules they name, so the editor can mark each module
 * where it is wrong. The planner names a module as {@code module 3} (in the message) or
 * {@code local.modules[module 3]} (in the field path).
 */
final class ModuleProblems {
    private static final Pattern MODULE = Pattern.compile("\\bmodule (\\d+)\\b");

    private ModuleProblems() {}

    /** Every message under each module index it names, in message order. */
    static Map<Integer, List<String>> byModule(List<String> problems) {
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        for (String p : problems) {
            for (int m : modulesNamed(p)) {
                out.computeIfAbsent(m, x -> new ArrayList<>()).add(p);
            }
        }
        return out;
    }

    /** The module indices one message names, each once. */
    static Set<Integer> modulesNamed(String message) {
        Set<Integer> out = new LinkedHashSet<>();
        Matcher m = MODULE.matcher(message);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }
}
