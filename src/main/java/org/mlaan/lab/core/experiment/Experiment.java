package org.mlaan.lab.core.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ConfigValidator;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.local.LocalPlan;
import org.mlaan.lab.core.local.LocalPlanner;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;

/**
 * A config resolved once (ARCHITECTURE.md): checked field by field, its network planned for the
 * shape of its data, every module's roles resolved (ALGORITHMS.md Part A.2), and the step order
 * this process trains with. The window, the comparison, the charts, the commands, the engine and
 * the run folder all take this value; nothing else resolves a config.
 *
 * @param config the config as resolved
 * @param data the data shape the network was planned for
 * @param network the backbone's plan
 * @param plan every module's roles (BP: one module)
 * @param order the local step's order (decision 0005)
 */
public record Experiment(ExperimentConfig config, DataShape data, NetworkPlan network, LocalPlan plan,
        StepOrder order) {

    /**
     * What resolving found: every problem (field path first), the network where it could be
     * planned (the window draws it while the rest has problems), and the experiment when there are
     * none.
     */
    public record Check(List<String> problems, NetworkPlan network, Experiment experiment) {
        public Check {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return experiment != null;
        }
    }

    /** {@code config} resolved for {@code data}; every problem in one exception. */
    public static Experiment resolve(ExperimentConfig config, DataShape data) throws ConfigException {
        Check c = check(config, data);
        if (!c.ok()) {
            throw new ConfigException(null, c.problems());
        }
        return c.experiment();
    }

    /**
     * Throws with every problem of {@code config}, its split and roles included, checked for the
     * data shape its data set's kind gives (before any file is read), naming {@code source} (a
     * file name, or null): what a command does before it starts anything.
     */
    public static void validate(ExperimentConfig config, String source) throws ConfigException {
        Check c = check(config);
        if (!c.ok()) {
            throw new ConfigException(source, c.problems());
        }
    }

    /** Reads a config file and {@linkplain #validate validates} it whole, naming the file in every problem. */
    public static ExperimentConfig readConfig(Path file) throws ConfigException {
        ExperimentConfig config = ConfigFiles.read(file);
        validate(config, file.toString());
        return config;
    }

    /** {@code config} resolved for the data shape its data set's kind gives ({@link DataShape#expected}). */
    public static Check check(ExperimentConfig config) {
        DataShape data;
        try {
            data = DataShape.expected(config);
        } catch (IllegalArgumentException e) {
            return new Check(ConfigValidator.problems(config), null, null); // the kind's problem is among them
        }
        return check(config, data);
    }

    /** {@code config} resolved for {@code data}, problems listed rather than thrown. */
    public static Check check(ExperimentConfig config, DataShape data) {
        List<String> problems = new ArrayList<>(ConfigValidator.problems(config));
        Arch arch;
        try {
            arch = config.network().archOrDefault();
        } catch (IllegalArgumentException e) {
            return new Check(problems, null, null); // named by the validator
        }
        NetworkPlan network;
        try {
            network = NetworkPlan.of(arch, data.size(), data.classes(), data.channels());
        } catch (IllegalArgumentException e) {
            problems.add("network.arch: " + e.getMessage());
            return new Check(problems, null, null);
        }
        if (!problems.isEmpty()) {
            return new Check(problems, network, null);
        }
        try {
            LocalPlan plan = LocalPlanner.resolve(config, network);
            return new Check(problems, network, new Experiment(config, data, network, plan, StepOrder.current()));
        } catch (ConfigException e) {
            return new Check(e.problems(), network, null);
        }
    }

    /** Number of modules K. */
    public int k() {
        return plan.k();
    }

    public boolean isBackprop() {
        return plan.isBackprop();
    }

    /** What a run folder's provenance says of this experiment: the input, the order, each module's roles. */
    public ExperimentDescription description() {
        return ExperimentDescription.of(this);
    }
}
