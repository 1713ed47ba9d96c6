package org.mlaan.lab.cli;

import java.io.PrintWriter;
import java.util.Set;
import org.mlaan.lab.engine.NativeLibraries;

/**
 * Before a command that trains, makes sure PyTorch's natives are unpacked, with a progress line on
 * the first start (it takes a few seconds and would otherwise look like a hang).
 */
final class FirstStart {
    /** Commands that load the engine; {@code plan} and {@code data} do not need it. */
    private static final Set<String> ENGINE_COMMANDS = Set.of("train", "bench", "memory", "ablate");

    private FirstStart() {}

    /** Prepares the natives when {@code args} name an engine command; returns false (with the message printed) on failure. */
    static boolean prepare(String[] args, PrintWriter err) {
        NativeLibraries natives = NativeLibraries.forThisBuild();
        if (args.length == 0 || !ENGINE_COMMANDS.contains(args[0]) || !natives.needsUnpacking()) {
            return true;
        }
        try {
            natives.load(new NativeLibraries.Progress() {
                private String lastLine = "";

                @Override
                public void update(double fraction, String message) {
                    if (fraction <= 0 || fraction >= 1) {
                        err.println((lastLine.isEmpty() ? "" : "\r") + message);
                        lastLine = "";
                    } else if (!message.equals(lastLine)) {
                        err.print("\r" + message);
                        lastLine = message;
                    }
                    err.flush();
                }
            });
            return true;
        } catch (IllegalStateException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return false;
        }
    }
}
