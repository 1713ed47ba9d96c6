package org.mlaan.lab.core.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a config's fields before anything runs and lists every problem with its field path, so
 * that a run never starts on a config that would fail half-way. The split and the modules' roles
 * need the network's plan: {@code core.experiment.Experiment} checks them, with these.
 */
public final class ConfigValidator {
    private static final Pattern DEVICE = Pattern.compile("auto|cpu|gpu(?::(\\d+))?");

    private ConfigValidator() {}

    /** All problems of {@code config}, empty when it can run. */
    public static List<String> problems(ExperimentConfig config) {
        List<String> out = new ArrayList<>();
        check(out, "network.arch", () -> config.network().archOrDefault());
        check(out, "method", config::methodOrDefault);
        device(out, config.deviceOrDefault());
        dataset(out, config.dataset());
        training(out, config.training());
        batchWithinTrainingSet(out, config.dataset(), config.training());
        if (config.name() != null && !config.name().matches("[A-Za-z0-9._+-]{1,80}")) {
            out.add("name: use 1 to 80 letters, digits, '.', '_', '+' or '-' (it names the run folder), got '"
                    + config.name() + "'");
        }
        return out;
    }

    /** Throws with every problem listed, naming {@code source} (a file name, or null). */
    public static void validate(ExperimentConfig config, String source) throws ConfigException {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
    }

    private static void device(List<String> out, String device) {
        Matcher m = DEVICE.matcher(device);
        if (!m.matches()) {
            out.add("device: expected auto, cpu, gpu or gpu:N, got '" + device + "'");
        } else if (m.group(1) != null && new BigInteger(m.group(1)).bitLength() > 31) {
            // Past an int the engine could not even name the GPU; say so here instead of a NumberFormatException later.
            out.add("device: gpu index " + m.group(1) + " is out of range (gpu:0 is the first GPU)");
        }
    }

    /**
     * A batch larger than the training set would silently train on the whole set per step, not on
     * the batch the config names. Only a batch the config gives is checked: the default of 128 on a
     * small set is the lab's choice, and then means the whole set. File sets without a
     * {@code trainSize} are checked once read ({@code TrainingRun.create}).
     */
    private static void batchWithinTrainingSet(List<String> out, DatasetConfig d, TrainingConfig t) {
        Integer batch = t.batchSize();
        if (batch == null || batch <= 0 || (d.trainSize() != null && d.trainSize() <= 0)) {
            return;
        }
        Integer train = d.trainSize();
        String which = "dataset.trainSize";
        if (train == null) {
            try {
                if (d.kindOrDefault() != DatasetKind.BUILTIN) {
                    return;
                }
            } catch (IllegalArgumentException e) {
                return; // already reported
            }
            train = DatasetConfig.DEFAULT_BUILTIN_TRAIN;
            which = "the built-in set's default size";
        }
        if (batch > train) {
            out.add("training.batchSize: " + batch + " images per step is more than the " + train
                    + " training images (" + which + ")");
        }
    }

    private static void dataset(List<String> out, DatasetConfig d) {
        DatasetKind kind;
        try {
            kind = d.kindOrDefault();
        } catch (IllegalArgumentException e) {
            out.add("dataset.kind: " + e.getMessage());
            return;
        }
        if (kind != DatasetKind.BUILTIN && (d.path() == null || d.path().isBlank())) {
            out.add("dataset.path: required for dataset.kind '" + kind.id()
                    + "' (the folder holding its files)");
        }
        variant(out, d, kind);
        if (d.padTo32() != null && kind != DatasetKind.IDX) {
            out.add("dataset.padTo32: only idx images (28x28) are padded; dataset.kind '" + kind.id()
                    + "' is read at its own size (leave padTo32 out)");
        }
        positive(out, "dataset.trainSize", d.trainSize());
        positive(out, "dataset.testSize", d.testSize());
        if (d.imageSize() != null && (d.imageSize() < 8 || d.imageSize() > 512)) {
            out.add("dataset.imageSize: expected 8..512 pixels, got " + d.imageSize());
        }
        if (kind == DatasetKind.BUILTIN && d.trainSize() != null && d.trainSize() > 200_000) {
            out.add("dataset.trainSize: the built-in set generates at most 200000 images, got " + d.trainSize());
        }
    }

    private static void variant(List<String> out, DatasetConfig d, DatasetKind kind) {
        DatasetVariant variant;
        try {
            variant = d.variantOrDefault();
        } catch (IllegalArgumentException e) {
            out.add("dataset.variant: " + e.getMessage());
            return;
        }
        if (variant != DatasetVariant.STANDARD && kind != DatasetKind.BUILTIN) {
            out.add("dataset.variant: only the builtin set has variants; dataset.kind '" + kind.id()
                    + "' is read from files as they are (leave the variant out)");
        }
    }

    private static void training(List<String> out, TrainingConfig t) {
        positive(out, "training.epochs", t.epochs());
        positive(out, "training.batchSize", t.batchSize());
        positive(out, "training.evalEvery", t.evalEvery());
        positive(out, "training.stepsPerEpoch", t.stepsPerEpoch());
        if (t.learningRate() != null && !(t.learningRate() > 0 && t.learningRate() < 100)) {
            out.add("training.learningRate: expected a number in (0, 100), got " + t.learningRate());
        }
        if (t.momentum() != null && !(t.momentum() >= 0 && t.momentum() < 1)) {
            out.add("training.momentum: expected a number in [0, 1), got " + t.momentum());
        }
        if (t.weightDecay() != null && !(t.weightDecay() >= 0 && t.weightDecay() < 1)) {
            out.add("training.weightDecay: expected a number in [0, 1), got " + t.weightDecay());
        }
        if (t.warmupEpochs() != null && t.warmupEpochs() < 0) {
            out.add("training.warmupEpochs: expected 0 or more, got " + t.warmupEpochs());
        }
        if (t.warmupStartLr() != null && !(t.warmupStartLr() >= 0)) {
            out.add("training.warmupStartLr: expected 0 or more, got " + t.warmupStartLr());
        }
        if (Boolean.TRUE.equals(t.nesterov()) && t.momentum() != null && t.momentum() == 0) {
            out.add("training.nesterov: Nesterov needs momentum > 0");
        }
        check(out, "training.schedule", t::scheduleOrDefault);
    }

    private static void positive(List<String> out, String field, Integer value) {
        if (value != null && value <= 0) {
            out.add(field + ": expected a whole number of at least 1, got " + value);
        }
    }

    private static void check(List<String> out, String field, Runnable parse) {
        try {
            parse.run();
        } catch (IllegalArgumentException e) {
            out.add(field + ": " + e.getMessage());
        }
    }

    private static void check(List<String> out, String field, java.util.function.Supplier<?> parse) {
        check(out, field, (Runnable) parse::get);
    }

}
