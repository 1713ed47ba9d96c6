package org.mlaan.lab.cli;

import java.io.PrintWriter;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.engine.DjlEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The lab's command line: {@code plan}, {@code train}, {@code data}, {@code bench}, {@code memory},
 * {@code ablate}, the checkpoint analyses {@code separability}, {@code similarity} and
 * {@code generalise}, {@code report}, and {@code export} (weights for PyTorch), over the same JSON configs and run folders the window uses. Exit codes: 0 done, 2 bad input (with the message), 1 failure.
 */
@Command(name = "mlaan-lab", mixinStandardHelpOptions = true, versionProvider = LabVersion.class,
        description = {"MLAAN Lab: supervised local learning on ResNets, from the command line.",
            "None of these commands opens the window: the jar without a command does (java -jar mlaan-lab.jar"
                + " [--config FILE] [--runs DIR] [--presentation] [--size WxH] [--screenshot FILE.png])."},
        subcommands = {PlanCommand.class, TrainCommand.class, DataCommand.class, BenchCommand.class, MemoryCommand.class, AblateCommand.class,
            SeparabilityCommand.class, SimilarityCommand.class, GeneraliseCommand.class, ReportCommand.class, LessonCommand.class,
            ExportCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code of a run that failed for a reason other than its input. */
    public static final int FAILURE = 1;
    /** Exit code of bad input: a bad option, config or data file. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        DjlEnvironment.applyDefaults();
        PrintWriter err = new PrintWriter(System.err, true);
        if (!FirstStart.prepare(args, err)) {
            System.exit(FAILURE);
        }
        System.exit(execute(args, new PrintWriter(System.out, true), err));
    }

    /** Runs the command line with the given streams and returns the exit code (tests call this). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, CommandLine.defaultFactory());
    }

    /** As {@link #execute(String[], PrintWriter, PrintWriter)}, with commands made by {@code factory} (tests). */
    static int execute(String[] args, PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(new Main(), factory);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (BadInput.is(ex)) {
                commandLine.getErr().println("error: " + ex.getMessage());
                return BAD_INPUT;
            }
            commandLine.getErr().println("failed: " + ex);
            Throwable cause = ex.getCause();
            if (cause != null) {
                commandLine.getErr().println("  caused by: " + cause);
            }
            if (Boolean.getBoolean("mlaan.debug")) {
                ex.printStackTrace(commandLine.getErr());
            }
            return FAILURE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        // No command (only reached through execute(): the jar's LabMain opens the window instead).
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Which exceptions are the user's input rather than the lab's failure. */
    static final class BadInput {
        private BadInput() {}

        static boolean is(Throwable ex) {
            return ex instanceof ConfigException
                    || ex instanceof IllegalArgumentException
                    || ex instanceof java.nio.file.NoSuchFileException
                    || ex instanceof org.mlaan.lab.core.run.RunFolderException
                    || ex instanceof org.mlaan.lab.core.io.FileFormatException
                    || ex instanceof org.mlaan.lab.data.DatasetFormatException
                    || ex instanceof org.mlaan.lab.cluster.SlurmException;
        }
    }
}
