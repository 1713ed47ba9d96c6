package org.mlaan.lab.ui.train;

import org.mlaan.lab.ui.LabLauncher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.run.EpochMetrics;
import org.mlaan.lab.core.run.RunFolderReader;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.core.run.StepMetrics;
import org.mlaan.lab.engine.ConvolutionKernelCheck;
import org.mlaan.lab.engine.DjlEnvironment;
import org.mlaan.lab.ui.model.LabViewModel;
import org.mlaan.lab.ui.LabWindow;
import org.mlaan.lab.ui.model.LiveRun;

/**
 * Measures whether the open window slows training: the same config is trained by the command
 * line's {@code train} and by the whole lab window (live charts, progress, feature-map taps), each
 * in a fresh JVM, one after the other, {@code --rounds} times in turn; both write run folders, and
 * the images/s the engine measured for every step (the same number in both) are compared, with the
 * wall time of the epoch (which includes the window's feature-map taps and evaluation). Other work
 * on the machine drifts over minutes, so the ratio within each round (two runs back to back) and
 * its median over the rounds are the figures to trust; the window's own threads' share of the
 * process's CPU time, printed by each window run, does not depend on that load at all.
 *
 * <pre>
 * java -cp target/mlaan-lab.jar org.mlaan.lab.ui.train.WindowSpeedCheck --config FILE [--rounds 2] [--skip 3] [--out DIR]
 * </pre>
 *
 * The config decides the run: give it {@code training.epochs = 1} and a {@code stepsPerEpoch}.
 * The window runs headless (Monocle) when there is no display.
 */
public final class WindowSpeedCheck {
    private static final String CHILD = "--window-child";

    private WindowSpeedCheck() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(CHILD)) {
            windowChild(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        Path config = null;
        Path out = Path.of("runs", "speed-check");
        int rounds = 2;
        int skip = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> config = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--skip" -> skip = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: WindowSpeedCheck --config FILE [--rounds N] [--skip K] [--out DIR]");
                    System.exit(2);
                }
            }
        }
        if (config == null) {
            System.err.println("--config is required");
            System.exit(2);
        }
        try {
            ConfigFiles.read(config);
        } catch (ConfigException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
        List<double[]> cli = new ArrayList<>();
        List<double[]> window = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            Path cliOut = out.resolve("round" + r + "-cli");
            Path windowOut = out.resolve("round" + r + "-window");
            child(List.of("org.mlaan.lab.app.LabMain", "train", "--config", config.toString(), "--out", cliOut.toString()));
            cli.add(figures(onlyRun(cliOut), skip));
            child(List.of(WindowSpeedCheck.class.getName(), CHILD, config.toString(), windowOut.toString()));
            window.add(figures(onlyRun(windowOut), skip));
            System.out.printf(Locale.ROOT, "round %d: command line %.1f images/s (epoch %.1f s), window %.1f images/s"
                    + " (epoch %.1f s)%n", r, cli.get(r - 1)[0], cli.get(r - 1)[2], window.get(r - 1)[0],
                    window.get(r - 1)[2]);
        }
        // The machine's load drifts over minutes: the ratio within each round (runs back to back) is the fair figure.
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratios[r] = window.get(r)[0] / cli.get(r)[0];
        }
        double[] sortedRatios = ratios.clone();
        Arrays.sort(sortedRatios);
        System.out.printf(Locale.ROOT, "window/command line images/s per round: %s; median %.3f%n",
                Arrays.toString(Arrays.stream(ratios).map(x -> Math.round(x * 1000) / 1000.0).toArray()),
                rounds % 2 == 1 ? sortedRatios[rounds / 2]
                        : (sortedRatios[rounds / 2 - 1] + sortedRatios[rounds / 2]) / 2);
        double cliMean = mean(cli, 0);
        double windowMean = mean(window, 0);
        System.out.printf(Locale.ROOT, "mean images/s per step (steps after the first %d): command line %.1f, window %.1f,"
                + " window/command line = %.3f%n", skip, cliMean, windowMean, windowMean / cliMean);
        System.out.printf(Locale.ROOT, "median images/s per step: command line %.1f, window %.1f, ratio %.3f%n",
                mean(cli, 1), mean(window, 1), mean(window, 1) / mean(cli, 1));
        System.out.printf(Locale.ROOT, "epoch wall time: command line %.1f s, window %.1f s, ratio %.3f%n",
                mean(cli, 2), mean(window, 2), mean(window, 2) / mean(cli, 2));
        System.exit(0);
    }

    /** {mean images/s, median images/s, epoch seconds} of a finished run folder. */
    private static double[] figures(Path runDir, int skip) throws IOException {
        RunRecord r = RunFolderReader.read(runDir);
        double[] speeds = r.steps().stream().skip(skip).mapToDouble(StepMetrics::imagesPerSecond).toArray();
        if (speeds.length == 0) {
            throw new IOException(runDir + ": no steps after the first " + skip);
        }
        double[] sorted = speeds.clone();
        Arrays.sort(sorted);
        return new double[] {Arrays.stream(speeds).average().orElse(Double.NaN), sorted[sorted.length / 2],
            r.epochs().stream().mapToDouble(EpochMetrics::seconds).sum()};
    }

    private static double mean(List<double[]> rows, int column) {
        return rows.stream().mapToDouble(row -> row[column]).average().orElse(Double.NaN);
    }

    private static Path onlyRun(Path parent) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            List<Path> dirs = s.filter(Files::isDirectory).toList();
            if (dirs.size() != 1) {
                throw new IOException(parent + ": expected one run folder, found " + dirs);
            }
            return dirs.get(0);
        }
    }

    /** Runs a main class of this class path in a fresh JVM with this JVM's settings and waits for it. */
    private static void child(List<String> mainAndArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(mainAndArgs);
        ProcessBuilder child = new ProcessBuilder(command).inheritIO();
        // Both sides train on the exact kernels the lab itself restarts with where this CPU needs them.
        if (System.getenv(ConvolutionKernelCheck.ISA_VARIABLE) == null && !ConvolutionKernelCheck.problems().isEmpty()) {
            child.environment().put(ConvolutionKernelCheck.ISA_VARIABLE, ConvolutionKernelCheck.SAFE_ISA);
        }
        Process p = child.start();
        int code = p.waitFor();
        if (code != 0) {
            throw new IOException(String.join(" ", mainAndArgs) + " exited with " + code);
        }
    }

    // ---- the window child ----

    private static volatile Path childConfig;
    private static volatile Path childOut;

    private static void windowChild(Path config, Path out) {
        DjlEnvironment.applyDefaults();
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            LabLauncher.useMonocle();
        }
        childConfig = config;
        childOut = out;
        Application.launch(Window.class);
    }

    /**
     * Seconds so far of {process CPU, FX thread CPU, renderer CPU, training thread CPU, JIT
     * compilation, garbage collection}: libtorch's threads are
     * native and count in the process only. The window's share of the process tells what it takes
     * from the cores training needs, however busy the machine is.
     */
    static double[] cpuSeconds() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] out = new double[6];
        out[0] = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            double cpu = threads.getThreadCpuTime(info.getThreadId()) / 1e9;
            String name = info.getThreadName();
            if (name.equals("JavaFX Application Thread")) {
                out[1] += cpu;
            } else if (name.startsWith("QuantumRenderer")) {
                out[2] += cpu;
            } else if (name.equals(org.mlaan.lab.engine.RunService.THREAD_NAME)) {
                out[3] += cpu;
            }
        }
        out[4] = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1e3;
        for (java.lang.management.GarbageCollectorMXBean gc
                : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            out[5] += gc.getCollectionTime() / 1e3;
        }
        return out;
    }

    /** The lab window, training the config to its end and then closing. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            LabViewModel vm = new LabViewModel(ConfigFiles.read(childConfig));
            LabWindow window = new LabWindow(vm);
            Scene scene = new Scene(window, 1600, 1000);
            window.attachStylesheets(scene);
            stage.setScene(scene);
            stage.show();
            TrainingPane pane = (TrainingPane) scene.lookup("#training-pane");
            pane.runsFolderProperty().set(childOut);
            LiveRun run = window.liveRun();
            double[][] atStart = new double[1][];
            run.stateProperty().addListener((obs, old, now) -> {
                if (now == LiveRun.State.RUNNING && atStart[0] == null) {
                    atStart[0] = cpuSeconds();
                }
                if (!now.isActive() && now != LiveRun.State.IDLE) {
                    System.out.println("window run " + now.name().toLowerCase(Locale.ROOT) + ": " + run.stepsDone()
                            + " steps" + (run.finishedProperty().get() == null
                                    || run.finishedProperty().get().message().isEmpty() ? ""
                                    : " (" + run.finishedProperty().get().message() + ")"));
                    double[] end = cpuSeconds();
                    double[] from = atStart[0] == null ? new double[6] : atStart[0];
                    double process = end[0] - from[0];
                    double windowCpu = end[1] - from[1] + end[2] - from[2];
                    System.out.printf(Locale.ROOT, "cpu seconds while training: process %.1f, FX thread %.2f, renderer"
                            + " %.2f: the window took %.2f%% of the process; JIT %.2f s, GC %.2f s%n", process,
                            end[1] - from[1], end[2] - from[2], 100 * windowCpu / process, end[4] - from[4],
                            end[5] - from[5]);
                    Platform.exit();
                    // DJL keeps native threads alive.
                    new Thread(() -> System.exit(now == LiveRun.State.COMPLETED ? 0 : 1), "exit").start();
                }
            });
            window.trainForSteps(Integer.MAX_VALUE);
        }
    }
}
