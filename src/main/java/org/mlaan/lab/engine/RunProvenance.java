package org.mlaan.lab.engine;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.mlaan.lab.core.experiment.ExperimentDescription;
import org.mlaan.lab.core.run.GitCommit;
import org.mlaan.lab.core.run.InitFrom;
import org.mlaan.lab.core.run.Provenance;

/** Captures the {@link Provenance} of a run from this process: versions, machine, git commit. */
final class RunProvenance {
    private RunProvenance() {}

    static Provenance capture(long seed, String device, List<String> commandLine, LocalDateTime start,
            String resumedFrom, InitFrom initFrom, ExperimentDescription experiment) {
        Engine engine = Engine.getInstance();
        return new Provenance(seed, labVersion(), Engine.getDjlVersion(), engine.getEngineName(),
                engine.getVersion(), device,
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), start.toString(), List.copyOf(commandLine),
                GitCommit.find(Path.of("")).orElse(null), resumedFrom, initFrom, experiment);
    }

    /** The lab's version from its jar manifest, or {@code dev} when run from classes. */
    static String labVersion() {
        String v = RunProvenance.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
