package org.mlaan.lab.core.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classes of a data set that belong together for a reader of the results, e.g. the built-in
 * set's six arrangement classes (told apart only by where parts far apart sit: what early,
 * myopic modules lose) and its four texture classes (local: what they keep). The test error of
 * each group shows the myopia that MLM and LAM repair (issue 14, item 3).
 *
 * @param name the group's name, a word without commas, semicolons or {@code =}
 * @param classes the class indices in the group
 */
public record ClassGroup(String name, List<Integer> classes) {

    public ClassGroup {
        if (name == null || name.isBlank() || name.matches(".*[,;=].*")) {
            throw new IllegalArgumentException("a class group needs a name without ',', ';' or '=', got '" + name + "'");
        }
        classes = List.copyOf(classes);
    }

    /**
     * Each group's test error from per-class counts: the wrong answers over the test images of its
     * classes (NaN for a group without test images), in the groups' order.
     */
    public static Map<String, Double> errors(List<ClassGroup> groups, long[] wrongByClass, long[] countByClass) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (ClassGroup g : groups) {
            long wrong = 0;
            long count = 0;
            for (int c : g.classes()) {
                if (c >= 0 && c < countByClass.length) {
                    wrong += wrongByClass[c];
                    count += countByClass[c];
                }
            }
            out.put(g.name(), count == 0 ? Double.NaN : (double) wrong / count);
        }
        return out;
    }
}
