package org.mlaan.lab.ui;

import java.nio.file.Path;
import java.util.Set;
import javafx.application.Application;
import org.mlaan.lab.engine.DjlEnvironment;

/**
 * Starts the lab window. A plain class, called by the jar's entry point, because launching the
 * {@link javafx.application.Application} subclass directly from a class path fails with "JavaFX
 * runtime components are missing" (STACK.md). The terminal's streams are handed in: the window
 * talks to them only in its {@code --screenshot} mode, which is a one-shot command.
 *
 * <pre>
 * java -jar mlaan-lab.jar [--config FILE] [--runs DIR] [--presentation] [--lesson] [--size WxH] [--screenshot FILE.png [--steps N]]
 * </pre>
 *
 * With {@code --screenshot} the window opens (headless through Monocle when there is no display),
 * trains {@code --steps} steps of the config when asked, writes a PNG of the whole window and exits.
 */
public final class LabLauncher {
    /** The options the window takes; anything else goes to the command line. */
    public static final Set<String> OPTIONS = Set.of("--config", "--runs", "--screenshot", "--steps", "--presentation",
            "--window", "--size", "--lesson");

    private LabLauncher() {}

    public static void launch(String[] args, java.io.PrintStream out, java.io.PrintStream err) {
        StartOptions options;
        try {
            options = StartOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        LabApplication.out = out;
        LabApplication.err = err;
        DjlEnvironment.applyDefaults();
        if (options.screenshot() != null && !hasDisplay()) {
            useMonocle();
        }
        LabApplication.options = options;
        Application.launch(LabApplication.class);
    }

    private static boolean hasDisplay() {
        String display = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        return !os.contains("linux") || (display != null && !display.isBlank())
                || (wayland != null && !wayland.isBlank());
    }

    /** Headless glass and software rendering (the flags the tests use, STACK.md). */
    public static void useMonocle() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        // The headless screen is 1280x800 unless told; the window is larger.
        System.setProperty("headless.geometry", "1920x1200-32");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * What the window was started with.
     *
     * @param config experiment file to open, or null for the embedded default
     * @param screenshot PNG to write before exiting, or null to stay open
     * @param steps steps to train before the screenshot (0: none)
     * @param presentation start in presentation mode
     * @param runs run folder, or folder of run folders (an ablation's), to open in the Analyses tab; or null
     * @param width the window's width in pixels (screenshots have this size)
     * @param height the window's height in pixels
     * @param lesson start the lesson in the Compare runs tab (issue 14); with {@code --screenshot},
     *     {@code steps} counts each lesson run's steps
     */
    public record StartOptions(Path config, Path screenshot, int steps, boolean presentation, Path runs, int width,
            int height, boolean lesson) {

        /** The size the window opens with when {@code --size} is not given. */
        public static final int DEFAULT_WIDTH = 1600;
        public static final int DEFAULT_HEIGHT = 1000;
        /** The smallest size the window is laid out for (a projector's 1280x720 fits). */
        static final int MIN_WIDTH = 1024;
        static final int MIN_HEIGHT = 600;

        /** No options: the embedded default config, a window of the default size. */
        public static StartOptions defaults() {
            return new StartOptions(null, null, 0, false, null, DEFAULT_WIDTH, DEFAULT_HEIGHT, false);
        }

        public static StartOptions parse(String[] args) {
            Path config = null;
            Path screenshot = null;
            int steps = 0;
            boolean presentation = false;
            boolean lesson = false;
            Path runs = null;
            int[] size = {DEFAULT_WIDTH, DEFAULT_HEIGHT};
            for (int i = 0; i < args.length; i++) {
                String[] kv = args[i].split("=", 2);
                String key = kv[0];
                switch (key) {
                    case "--window" -> { }
                    case "--presentation" -> presentation = true;
                    case "--lesson" -> lesson = true;
                    case "--config", "--runs", "--screenshot", "--steps", "--size" -> {
                        String value;
                        if (kv.length == 2) {
                            value = kv[1];
                        } else if (i + 1 < args.length) {
                            value = args[++i];
                        } else {
                            throw new IllegalArgumentException(key + " needs a value");
                        }
                        switch (key) {
                            case "--config" -> config = Path.of(value);
                            case "--runs" -> runs = Path.of(value);
                            case "--screenshot" -> screenshot = Path.of(value);
                            case "--size" -> size = parseSize(value);
                            default -> steps = parseSteps(value);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown window option '" + args[i]
                            + "'; the window takes " + new java.util.TreeSet<>(OPTIONS)
                            + ", commands (train, plan, ...) take the rest");
                }
            }
            if (steps > 0 && screenshot == null) {
                throw new IllegalArgumentException("--steps goes with --screenshot");
            }
            if (steps > 0 && runs != null) {
                throw new IllegalArgumentException("--steps trains the config; with --runs the screenshot shows the"
                        + " Analyses tab of those runs, so leave one of them out");
            }
            if (lesson && runs != null) {
                throw new IllegalArgumentException("--lesson trains five runs in the Compare runs tab; --runs opens past"
                        + " runs in the Analyses tab: leave one of them out");
            }
            return new StartOptions(config, screenshot, steps, presentation, runs, size[0], size[1], lesson);
        }

        private static int[] parseSize(String value) {
            String[] wh = value.trim().toLowerCase(java.util.Locale.ROOT).split("x", -1);
            try {
                if (wh.length != 2) {
                    throw new NumberFormatException();
                }
                int w = Integer.parseInt(wh[0]);
                int h = Integer.parseInt(wh[1]);
                if (w < MIN_WIDTH || h < MIN_HEIGHT) {
                    throw new IllegalArgumentException("--size: the window needs at least " + MIN_WIDTH + "x"
                            + MIN_HEIGHT + ", got " + value);
                }
                return new int[] {w, h};
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--size: expected WIDTHxHEIGHT in pixels, e.g. 1280x720, got '"
                        + value + "'");
            }
        }

        private static int parseSteps(String value) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n < 0) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--steps: expected a whole number of steps >= 0, got '" + value + "'");
            }
        }
    }
}
