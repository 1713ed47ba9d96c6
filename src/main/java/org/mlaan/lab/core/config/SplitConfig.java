package org.mlaan.lab.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Where the network is cut: a paper preset, or a list of cuts. Give one of the two. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SplitConfig(
        @JsonPropertyDescription("a split of the papers' tables, e.g. resnet32-k16 (ALGORITHMS.md Part B §2)")
        String preset,
        @JsonPropertyDescription("names of the units after which a cut falls, e.g. [\"stem\", \"1.4\", \"2.4\"]")
        List<String> cutsAfter) {

    public static SplitConfig preset(String id) {
        return new SplitConfig(id, null);
    }

    public static SplitConfig cuts(List<String> cuts) {
        return new SplitConfig(null, cuts);
    }
}
