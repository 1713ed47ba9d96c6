package org.mlaan.lab.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mlaan.lab.cli.Terminal;
import org.mlaan.lab.core.run.LabCommand;
import org.mlaan.lab.engine.ConvolutionKernelCheck;
import org.mlaan.lab.engine.NativeLibraries;

/**
 * Restarts the lab with oneDNN capped at {@value ConvolutionKernelCheck#SAFE_ISA} when this CPU's
 * convolution kernels compute wrong gradients ({@link ConvolutionKernelCheck}): oneDNN reads the
 * cap from the environment only, and only before its first kernel, so the running JVM cannot
 * change it for itself. The child inherits the terminal; its exit code becomes the lab's.
 */
final class ExactKernelRelaunch {
    /** Commands that never load the engine: no check, no restart. */
    private static final Set<String> WITHOUT_ENGINE = Set.of("plan", "data", "help", "-h", "--help", "-V", "--version");

    /** Options of {@code ablate} under which it trains nothing in this process. */
    private static final Set<String> CLUSTER_ONLY = Set.of("--slurm", "--status", "--resubmit");

    /** How long a stopped lab waits for its restarted child to write its checkpoint and status. */
    private static final long CHILD_STOP_MINUTES = 5;

    private ExactKernelRelaunch() {}

    /**
     * Checks the kernels when {@code args} will train or evaluate and the cap is not set yet; on
     * a wrong result restarts the lab with the cap and returns the child's exit code, else -1
     * (go on here). On a first start, before the natives are unpacked, it does not check: the
     * engine then refuses to train with a message that says what to do.
     */
    static int runIfNeeded(String[] args) {
        if (!needsEngine(args) || System.getenv(ConvolutionKernelCheck.ISA_VARIABLE) != null
                || NativeLibraries.forThisBuild().needsUnpacking()) {
            return -1;
        }
        List<String> wrong = ConvolutionKernelCheck.problems();
        if (wrong.isEmpty()) {
            return -1;
        }
        Terminal.err().println("note: libtorch's convolution kernels give wrong results on this CPU ("
                + wrong.get(0) + "); restarting with " + ConvolutionKernelCheck.ISA_VARIABLE + "="
                + ConvolutionKernelCheck.SAFE_ISA);
        ProcessBuilder child = new ProcessBuilder(command(args)).inheritIO();
        child.environment().put(ConvolutionKernelCheck.ISA_VARIABLE, ConvolutionKernelCheck.SAFE_ISA);
        try {
            return supervise(child, started -> { });
        } catch (IOException e) {
            Terminal.err().println("error: could not restart the lab (" + e.getMessage() + "); start it with "
                    + ConvolutionKernelCheck.ISA_VARIABLE + "=" + ConvolutionKernelCheck.SAFE_ISA);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /**
     * Starts {@code child} and waits for it. A SIGTERM or Ctrl-C to this process is passed on
     * (a polite destroy, which the child's own shutdown hook turns into a cancel with a
     * checkpoint), and this process waits for the child before it exits: otherwise the child
     * would go on training, orphaned, after its parent was stopped.
     */
    static int supervise(ProcessBuilder child, java.util.function.Consumer<Process> started)
            throws IOException, InterruptedException {
        Process p = child.start();
        Thread forward = new Thread(() -> {
            p.destroy();
            try {
                p.waitFor(CHILD_STOP_MINUTES, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mlaan-forward-stop");
        Runtime.getRuntime().addShutdownHook(forward);
        started.accept(p);
        int code = p.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(forward);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it has stopped the child already
        }
        return code;
    }

    static boolean needsEngine(String[] args) {
        if (args.length > 0 && args[0].equals("ablate")) {
            // A job array is written, submitted or looked at here; its tasks train on the cluster's nodes.
            return java.util.Arrays.stream(args).noneMatch(a -> CLUSTER_ONLY.contains(a.split("=", 2)[0]));
        }
        return args.length == 0 || !WITHOUT_ENGINE.contains(args[0]);
    }

    /** This JVM's own command ({@link LabCommand}, its options kept) with {@code args}. */
    static List<String> command(String[] args) {
        List<String> cmd = new ArrayList<>(LabCommand.current(true, false));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
