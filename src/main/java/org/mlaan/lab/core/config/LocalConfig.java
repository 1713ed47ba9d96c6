package org.mlaan.lab.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * How the local modules are trained: every field overrides the default the method gives it
 * (ALGORITHMS.md Part A.2, docs/decisions/0003). Leave the section out to take the method's
 * defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocalConfig(
        @JsonPropertyDescription("independent head of every module: none | probe | dgl | infopro | infopro-2c2f | auglocal")
        String independentHead,
        @JsonPropertyDescription("weight wx of the independent loss (and of the last module's x path)")
        Double wx,
        @JsonPropertyDescription("cascaded window width w: 0 none, 1 the module's own output through its leap aux,"
                + " 2 (MLAAN CIFAR code) or 3 (ImageNet and *bin code)")
        Integer window,
        @JsonPropertyDescription("head of the cascaded path: probe | dgl | infopro | infopro-2c2f")
        String cascadeHead,
        @JsonPropertyDescription("weight wy of the cascaded loss (and of the last module's y path)")
        Double wy,
        @JsonPropertyDescription("use leap auxiliaries (LAM): the preset's table or the rule of Part A.3")
        Boolean leap,
        @JsonPropertyDescription("leading blocks of each leap stack with an EMA twin (default 1, as the code)")
        Integer emaTwins,
        @JsonPropertyDescription("EMA momentum m of leap and MAN twins (default 0.995)")
        Double momentum,
        @JsonPropertyDescription("every | lastOnly: which twins are updated each step (default every)")
        String emaUpdate,
        @JsonPropertyDescription("copy | reinit: how leap and MAN copies start (default copy for LAM, reinit for MAN)")
        String copyInit,
        @JsonPropertyDescription("both | yOnly: the last module's loss under a cascade (default both)")
        String lastModuleLoss,
        @JsonPropertyDescription("MAN: none | man | man++ (momentum auxiliary on the next block)")
        String momentumAux,
        @JsonPropertyDescription("InfoPro heads add the reconstruction decoder (default true)")
        Boolean decoder,
        @JsonPropertyDescription("InfoPro weights [ixx_1, ixy_1, ixx_2, ixy_2] (default [5, 0.5, 0, 1])")
        List<Double> lambdas,
        @JsonPropertyDescription("module | stage: what the InfoPro weights interpolate over")
        String lambdaRatio,
        @JsonPropertyDescription("AugLocal's largest auxiliary depth d (default 3)")
        Integer augLocalDepth,
        @JsonPropertyDescription("per-module settings")
        List<ModuleOverride> modules) {

    /** No overrides: the method's defaults. */
    public static LocalConfig defaults() {
        return new LocalConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }
}
