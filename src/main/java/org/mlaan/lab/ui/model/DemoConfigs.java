package org.mlaan.lab.ui.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;

/**
 * The quick demos on the built-in data set, shipped inside the jar (the {@code demo-*.json} files
 * of {@code sample-configs/}), so the window opens on something that trains in minutes on a CPU.
 */
public final class DemoConfigs {
    /** File names of the demos, in menu order. */
    public static final List<String> FILES = List.of("demo-builtin-mlaan-resnet20.json",
            "demo-builtin-bp-resnet20.json", "demo-builtin-dgl-resnet20.json", "demo-builtin-ablation-resnet20.json");

    /** The window's starting experiment: DGL+MLAAN on ResNet-20 cut into four modules, built-in data. */
    public static final ExperimentConfig DEFAULT = load(FILES.get(0));

    private DemoConfigs() {}

    /** Every demo by its file name, in menu order. */
    public static Map<String, ExperimentConfig> all() {
        Map<String, ExperimentConfig> out = new LinkedHashMap<>();
        for (String f : FILES) {
            out.put(f, load(f));
        }
        return out;
    }

    /** One demo by file name. */
    public static ExperimentConfig load(String file) {
        return ConfigFiles.embedded(file);
    }
}
