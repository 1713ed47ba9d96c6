package org.mlaan.lab.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * One experiment, as written in a JSON file and shared by the command line and the lab window.
 * Every section may be left out and takes its defaults; unknown fields are rejected by
 * {@link ConfigFiles} with the field's name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentConfig(
        @JsonPropertyDescription("short name, used for the run folder (default 'experiment')")
        String name,
        @JsonPropertyDescription("free text shown with the run")
        String description,
        @JsonPropertyDescription("the backbone")
        NetworkConfig network,
        @JsonPropertyDescription("the data set")
        DatasetConfig dataset,
        @JsonPropertyDescription("BP | DGL | InfoPro | DGL+MLM | DGL+LAM | DGL+MLAAN | InfoPro+MLAAN | MAN | MAN++"
                + " | AugLocal (default BP)")
        String method,
        @JsonPropertyDescription("where the network is cut into modules (local methods only)")
        SplitConfig split,
        @JsonPropertyDescription("auxiliary roles of the modules; leave out for the method's defaults")
        LocalConfig local,
        @JsonPropertyDescription("optimiser and schedule")
        TrainingConfig training,
        @JsonPropertyDescription("seed of every random choice of the run: initial weights, order, augmentation"
                + " (default 42)")
        Long seed,
        @JsonPropertyDescription("auto | cpu | gpu | gpu:N (default auto: the GPU when DJL finds CUDA)")
        String device) {

    public static final long DEFAULT_SEED = 42L;

    public ExperimentConfig {
        network = network == null ? new NetworkConfig(null) : network;
        dataset = dataset == null ? DatasetConfig.builtin() : dataset;
        training = training == null
                ? new TrainingConfig(null, null, null, null, null, null, null, null, null, null, null)
                : training;
    }

    /** The lab's embedded default: ResNet-20, BP, on the built-in data set. */
    public static ExperimentConfig defaults() {
        return new ExperimentConfig(null, null, null, null, null, null, null, null, null, null);
    }

    /** The local section, or no overrides when it is left out. */
    public LocalConfig localOrDefault() {
        return local == null ? LocalConfig.defaults() : local;
    }

    public String nameOrDefault() {
        return name == null || name.isBlank() ? "experiment" : name;
    }

    public Method methodOrDefault() {
        return method == null ? Method.BP : Method.parse(method);
    }

    public long seedOrDefault() {
        return seed == null ? DEFAULT_SEED : seed;
    }

    public String deviceOrDefault() {
        return device == null ? "auto" : device;
    }

    public ExperimentConfig withTraining(TrainingConfig t) {
        return new ExperimentConfig(name, description, network, dataset, method, split, local, t, seed, device);
    }

    public ExperimentConfig withDevice(String d) {
        return new ExperimentConfig(name, description, network, dataset, method, split, local, training, seed, d);
    }

    public ExperimentConfig withSeed(long s) {
        return new ExperimentConfig(name, description, network, dataset, method, split, local, training, s, device);
    }

    public ExperimentConfig withDataset(DatasetConfig d) {
        return new ExperimentConfig(name, description, network, d, method, split, local, training, seed, device);
    }

    public ExperimentConfig withSplit(SplitConfig sp) {
        return new ExperimentConfig(name, description, network, dataset, method, sp, local, training, seed, device);
    }

    public ExperimentConfig withLocal(LocalConfig l) {
        return new ExperimentConfig(name, description, network, dataset, method, split, l, training, seed, device);
    }

    public ExperimentConfig withName(String n) {
        return new ExperimentConfig(n, description, network, dataset, method, split, local, training, seed, device);
    }

    public ExperimentConfig withMethod(String m) {
        return new ExperimentConfig(name, description, network, dataset, m, split, local, training, seed, device);
    }
}
