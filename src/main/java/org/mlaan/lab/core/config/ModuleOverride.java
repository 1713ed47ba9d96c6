package org.mlaan.lab.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Settings of one module that differ from the method's defaults (the lab window's inspector writes these). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModuleOverride(
        @JsonPropertyDescription("module index from 0 (required)")
        Integer module,
        @JsonPropertyDescription("independent head of this module")
        String independentHead,
        @JsonPropertyDescription("weight of the independent loss")
        Double wx,
        @JsonPropertyDescription("cascaded window of this module (0 none, 1 leap only, 2 or 3)")
        Integer window,
        @JsonPropertyDescription("head of the cascaded path")
        String cascadeHead,
        @JsonPropertyDescription("weight of the cascaded loss")
        Double wy,
        @JsonPropertyDescription("later blocks the leap aux copies, e.g. [\"3.0\", \"3.4\"]; [] turns the leap off here")
        List<String> leap,
        @JsonPropertyDescription("EMA-twinned leading blocks of the leap stack")
        Integer emaTwins,
        @JsonPropertyDescription("EMA momentum of this module's twins")
        Double momentum) {}
