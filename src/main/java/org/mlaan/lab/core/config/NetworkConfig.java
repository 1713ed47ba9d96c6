package org.mlaan.lab.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.mlaan.lab.core.plan.Arch;

/** The backbone of a run. The class count and input size come from the data set. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkConfig(
        @JsonPropertyDescription("resnet20 | resnet32 | resnet44 | resnet56 | resnet110 | resnet18 | resnet34"
                + " | resnet50 | resnet101 | resnet152 (default resnet20)")
        String arch) {

    public Arch archOrDefault() {
        return arch == null ? Arch.RESNET20 : Arch.parse(arch);
    }
}
