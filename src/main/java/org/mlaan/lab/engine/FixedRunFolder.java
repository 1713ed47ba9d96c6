package org.mlaan.lab.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.run.RunFolder;
import org.mlaan.lab.core.run.RunFolderException;
import org.mlaan.lab.core.run.RunStatus;

/**
 * Where a run that always trains into the same folder stands ({@code train --run-folder}, the
 * array task of {@code ablate --slurm}): a requeued or pre-empted task must continue what its
 * earlier attempt left, not start over, and a finished one must not train again.
 */
public final class FixedRunFolder {
    /** What {@code train --run-folder} does with the folder. */
    public enum State {
        /** Absent, empty, or a run that never reached a checkpoint: a new run starts there. */
        NEW,
        /** A run of the same config with a checkpoint: it continues from it. */
        RESUMABLE,
        /** A completed run of the same config: nothing to train. */
        COMPLETED
    }

    private FixedRunFolder() {}

    /**
     * The state of {@code dir} for a run of {@code config} with {@code options}; a folder holding
     * a run of another config is refused, naming both.
     */
    public static State stateOf(Path dir, ExperimentConfig config, RunOptions options)
            throws IOException, ConfigException {
        if (!Files.isRegularFile(dir.resolve(RunFolder.CONFIG))) {
            return State.NEW;
        }
        RunFolder folder = RunFolder.open(dir);
        boolean checkpoint = Checkpoint.find(folder.checkpointsDir()).isPresent();
        if (!checkpoint) {
            return State.NEW;
        }
        ExperimentConfig saved = folder.readConfig();
        ExperimentConfig wanted = TrainingRun.effective(config, options);
        List<String> differ = differences(comparable(saved), comparable(wanted));
        if (!differ.isEmpty()) {
            throw new RunFolderException(dir + ": holds a run of another config (its " + String.join(", ", differ)
                    + (differ.size() == 1 ? " differs" : " differ") + " from the config given); give another"
                    + " --run-folder");
        }
        RunStatus status = Files.isRegularFile(dir.resolve(RunFolder.STATUS)) ? folder.readStatus() : null;
        boolean done = status != null && RunStatus.COMPLETED.equals(status.state())
                && status.epochsDone() >= wanted.training().epochsOrDefault();
        return done ? State.COMPLETED : State.RESUMABLE;
    }

    /**
     * What must match for a folder to hold the given run: everything but the device (each attempt
     * may land on another node) and the epochs (a resume may extend a run).
     */
    private static ExperimentConfig comparable(ExperimentConfig c) {
        return c.withDevice(null).withTraining(c.training().withEpochs(1));
    }

    /** The names of the config's top-level fields whose values differ. */
    private static List<String> differences(ExperimentConfig a, ExperimentConfig b) {
        List<String> out = new ArrayList<>();
        for (RecordComponent rc : ExperimentConfig.class.getRecordComponents()) {
            try {
                if (!Objects.equals(rc.getAccessor().invoke(a), rc.getAccessor().invoke(b))) {
                    out.add(rc.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read config field " + rc.getName(), e);
            }
        }
        return out;
    }
}
