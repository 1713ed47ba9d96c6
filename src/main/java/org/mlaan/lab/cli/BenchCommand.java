package org.mlaan.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.TrainingConfig;
import org.mlaan.lab.engine.BenchResult;
import org.mlaan.lab.engine.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bench}: images per second and peak memory of a config's training step. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time N training steps of the config's network and method and print images/s and peak memory."
                + " The first steps are warm-up and are not timed.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, description = "experiment JSON file")
    Path config;

    @Option(names = "--steps", defaultValue = "20", description = "timed steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--batch", description = "override training.batchSize")
    Integer batch;

    @Option(names = "--device", description = "auto | cpu | gpu | gpu:N (overrides the config)")
    String device;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (steps < 1) {
            throw new IllegalArgumentException("--steps: expected at least 1, got " + steps);
        }
        ExperimentConfig c = ConfigFiles.read(config);
        if (batch != null) {
            if (batch < 1) {
                throw new IllegalArgumentException("--batch: expected at least 1, got " + batch);
            }
            TrainingConfig t = c.training();
            c = c.withTraining(new TrainingConfig(t.epochs(), batch, t.learningRate(), t.momentum(), t.nesterov(),
                    t.weightDecay(), t.schedule(), t.warmupEpochs(), t.warmupStartLr(), t.evalEvery(), t.stepsPerEpoch()));
        }
        BenchResult r = Benchmark.run(c, steps, device == null ? c.deviceOrDefault() : device);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ConfigFiles.mapper().writeValueAsString(r));
        } else {
            out.printf(Locale.ROOT, "%s %s, batch %d on %s: %.1f images/s (%.3f s/step over %d steps), peak RSS %s,"
                    + " step peak of live tensors %s%s%n",
                    r.method(), r.arch(), r.batchSize(), r.device(), r.imagesPerSecond(), r.secondsPerStep(), r.steps(),
                    Units.bytes(r.peakRssBytes()), Units.bytes(r.peakLiveBytes()),
                    r.peakDeviceBytes() >= 0 ? ", GPU memory " + Units.bytes(r.peakDeviceBytes()) : "");
        }
        return 0;
    }
}
