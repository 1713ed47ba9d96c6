package org.mlaan.lab.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.mlaan.lab.core.experiment.ExperimentDescription;

/**
 * The {@code provenance.json} of a run folder: what a reader needs to know to reproduce the run
 * or judge its numbers (Tribuo-style provenance). Written once when a run starts or resumes.
 *
 * @param seed the run seed
 * @param labVersion the lab's version from its jar manifest, or {@code dev}
 * @param djlVersion DJL's version
 * @param engine the DJL engine's name, e.g. {@code PyTorch}
 * @param engineVersion the engine's version (the libtorch version for PyTorch)
 * @param device the device in words
 * @param java Java version and vendor
 * @param os operating system name, version and architecture
 * @param cores processors available to the JVM
 * @param startTime when this process started the run, ISO-8601 local time
 * @param commandLine the command-line arguments that started it (empty when unknown)
 * @param gitCommit the commit of the working tree the lab ran from, when a {@code .git} was found
 * @param resumedFrom the checkpoint position (epoch.step) a resumed run continued from, or null
 * @param initFrom the weights file a new run started from ({@code train --init}), or null when it
 *     started from its seed's initial weights (and in the record of a resume)
 * @param experiment the experiment as resolved: input shape, step order and every module's roles
 *     (issue 17: the order changes BatchNorm statistics, so the folder must say it); null in
 *     folders of older versions
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(long seed, String labVersion, String djlVersion, String engine, String engineVersion,
        String device, String java, String os, int cores, String startTime, List<String> commandLine,
        String gitCommit, String resumedFrom, InitFrom initFrom, ExperimentDescription experiment) {}
