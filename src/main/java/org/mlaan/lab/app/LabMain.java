package org.mlaan.lab.app;

import java.util.Set;
import org.mlaan.lab.cli.Main;
import org.mlaan.lab.cli.Terminal;
import org.mlaan.lab.ui.LabLauncher;

/**
 * The jar's entry point: with no arguments, or with the window's own options
 * ({@code --screenshot}, {@code --config}, {@code --steps}, {@code --presentation}), it opens the
 * lab window; with a command ({@code train}, {@code plan}, ...) it runs the command line. Either
 * way it first restarts itself with exact convolution kernels where this CPU needs it
 * ({@link ExactKernelRelaunch}).
 */
public final class LabMain {
    private static final Set<String> WINDOW_OPTIONS = LabLauncher.OPTIONS;

    private LabMain() {}

    public static void main(String[] args) {
        int relaunched = ExactKernelRelaunch.runIfNeeded(args);
        if (relaunched >= 0) {
            System.exit(relaunched);
        }
        if (args.length == 0 || WINDOW_OPTIONS.contains(args[0].split("=", 2)[0])) {
            LabLauncher.launch(args, Terminal.out(), Terminal.err());
        } else {
            Main.main(args);
        }
    }
}
