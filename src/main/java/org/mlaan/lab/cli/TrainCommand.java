package org.mlaan.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mlaan.lab.core.experiment.Experiment;
import org.mlaan.lab.core.io.Durations;
import org.mlaan.lab.core.run.RunFinished;
import org.mlaan.lab.core.train.ShortRunCheck;
import org.mlaan.lab.engine.FixedRunFolder;
import org.mlaan.lab.engine.RunOptions;
import org.mlaan.lab.engine.TrainingRun;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: runs a config (or resumes a run folder) with a progress line. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the config's network and method, writing a run folder (config, provenance,"
                + " metrics CSV, checkpoints). Ctrl-C stops after the current step and keeps a checkpoint.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--config", description = "experiment JSON file")
        Path config;

        @Option(names = "--resume", description = "run folder to continue from its last checkpoint")
        Path resume;
    }

    @Option(names = "--init", paramLabel = "FILE.safetensors", description = "start the new run from these backbone"
            + " weights (PyTorch names, as export writes them) instead of the seed's")
    Path init;

    @Option(names = "--epochs", description = "override training.epochs")
    Integer epochs;

    @Option(names = "--run-folder", paramLabel = "DIR", description = "with --config: train into exactly this folder,"
            + " made when absent; a run there with a checkpoint continues from it, a completed one is not trained again"
            + " (what a requeued cluster task needs; ablate --slurm uses it)")
    Path runFolder;

    @Option(names = "--out", defaultValue = "runs", description = "folder in which the run folder is made (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--device", description = "auto | cpu | gpu | gpu:N (overrides the config)")
    String device;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        if (epochs != null && epochs < 1) {
            throw new IllegalArgumentException("--epochs: expected at least 1, got " + epochs);
        }
        if (init != null && source.resume != null) {
            throw new IllegalArgumentException("--init and --resume: a resumed run continues from its own checkpoint;"
                    + " --init starts a new run (use it with --config)");
        }
        RunOptions options = new RunOptions(out, device, epochs, true, commandLine(), init);
        boolean resuming = source.resume != null;
        if (runFolder != null) {
            if (resuming) {
                throw new IllegalArgumentException("--run-folder and --resume: --resume continues the folder it names;"
                        + " --run-folder goes with --config");
            }
            FixedRunFolder.State state = FixedRunFolder.stateOf(runFolder, Experiment.readConfig(source.config), options);
            if (state == FixedRunFolder.State.COMPLETED) {
                console.println(runFolder + ": completed already; nothing to train");
                return 0;
            }
            resuming = state == FixedRunFolder.State.RESUMABLE;
            options = options.withRunFolder(runFolder);
            if (resuming) {
                console.println(runFolder + ": continuing from its checkpoint");
            }
        }
        CancelOnShutdown guard = new CancelOnShutdown();
        try (guard; TrainingRun run = resuming
                ? TrainingRun.resume(source.resume != null ? source.resume : runFolder, options)
                : TrainingRun.create(Experiment.readConfig(source.config), options)) {
            // A Ctrl-C during start-up cancels the run here, before its first step.
            guard.onCancel(run::cancel);
            if (!run.deviceNotice().isEmpty()) {
                console.println(run.deviceNotice());
            }
            if (!resuming) {
                ShortRunCheck.of(run.config().training(), run.config().training().epochsOrDefault())
                        .ifPresent(spec.commandLine().getErr()::println);
            }
            RunFinished finished = run.run(new ProgressLine(console, System.console() != null));
            console.println(Summary.of(finished, run.runDir()));
            return finished.status() == RunFinished.Status.FAILED ? Main.FAILURE : 0;
        }
    }

    /** The closing lines of a run. */
    static final class Summary {
        private Summary() {}

        static String of(RunFinished f, Path runDir) {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(java.util.Locale.ROOT, "%s after %d epoch(s) in %s",
                    f.status().name().toLowerCase(java.util.Locale.ROOT), f.epochsDone(), Durations.compact(f.seconds())));
            if (!Double.isNaN(f.finalTop1Error())) {
                sb.append(String.format(java.util.Locale.ROOT, ": test top-1 error final %.2f%% (accuracy %.2f%%), best %.2f%%",
                        100 * f.finalTop1Error(), 100 * (1 - f.finalTop1Error()), 100 * f.bestTop1Error()));
            }
            if (!Double.isNaN(f.finalTop5Error())) {
                sb.append(String.format(java.util.Locale.ROOT, ", top-5 error %.2f%%", 100 * f.finalTop5Error()));
            }
            if (f.message() != null && !f.message().isEmpty()) {
                sb.append(System.lineSeparator()).append(f.message());
            }
            if (runDir != null) {
                sb.append(System.lineSeparator()).append("run folder: ").append(runDir);
            }
            return sb.toString();
        }
    }

    /** The command as typed, for the run's provenance record. */
    private java.util.List<String> commandLine() {
        java.util.List<String> args = new java.util.ArrayList<>();
        args.add("train");
        args.addAll(spec.commandLine().getParseResult().originalArgs());
        return args;
    }
}
