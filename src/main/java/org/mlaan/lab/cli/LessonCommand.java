package org.mlaan.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.experiment.Experiment;
import org.mlaan.lab.core.experiment.Lesson;
import org.mlaan.lab.core.io.Durations;
import org.mlaan.lab.engine.SideBySideRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lesson}: the classroom ablation as a benchmark (issue 14). For each seed the five runs of
 * {@link Lesson} train side by side exactly as the window's lesson does (one step each in turn),
 * until they end or the wall-time budget from the start is spent; then one table per seed: each
 * run's steps, images seen, last test error and its arrangement / texture split, when its first
 * point came, and whether the Table 4 ordering shows.
 */
@Command(name = "lesson", mixinStandardHelpOptions = true,
        description = "Train the lesson (BP, DGL, DGL+MLM, DGL+LAM, DGL+MLAAN side by side, taking turns, as the"
                + " window's lesson does) for each seed within a wall-time budget, and print per seed each run's"
                + " test error at the end with the arrangement and texture classes apart, and whether MLAAN"
                + " Table 4's ordering shows.")
final class LessonCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", description = "experiment JSON file the five runs share (default: the built-in lesson, "
            + Lesson.BUILTIN_FILE + ")")
    Path config;

    @Option(names = "--seeds", defaultValue = "1", description = "seeds 1..N, one lesson each (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--minutes", defaultValue = "10", description = "wall-time budget of each lesson, from its start"
            + " (default: ${DEFAULT-VALUE})")
    double minutes;

    @Option(names = "--out", defaultValue = "runs", description = "folder in which each lesson's run folders are made"
            + " (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds: expected at least 1, got " + seeds);
        }
        if (!(minutes > 0)) {
            throw new IllegalArgumentException("--minutes: expected a positive number, got " + minutes);
        }
        ExperimentConfig base = config == null ? ConfigFiles.embedded(Lesson.BUILTIN_FILE)
                : Experiment.readConfig(config);
        for (ExperimentConfig c : Lesson.runs(base, 1)) {
            Experiment.validate(c, config == null ? Lesson.BUILTIN_FILE : config.toString());
        }
        PrintWriter console = spec.commandLine().getOut();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        int shown = 0;
        for (int seed = 1; seed <= seeds; seed++) {
            Path folder = out.resolve(base.nameOrDefault() + "-" + stamp + "-seed" + seed);
            List<LessonRow> rows = new ArrayList<>();
            for (ExperimentConfig c : Lesson.runs(base, seed)) {
                rows.add(new LessonRow(c));
            }
            console.printf(Locale.ROOT, "seed %d: five runs side by side for at most %s, run folders in %s%n", seed,
                    Durations.compact(minutes * 60), folder);
            console.flush();
            Map<Method, Double> errors = train(rows, folder, console);
            console.print(table(seed, rows));
            Lesson.Verdict verdict = Lesson.judge(errors);
            for (Lesson.Check check : verdict.checks()) {
                console.printf(Locale.ROOT, "  %s %s (%+.1f)%n", check.met() ? "yes" : "NO ", check.condition(),
                        check.figure());
            }
            console.printf(Locale.ROOT, "  Table 4 ordering %s%n%n", verdict.shown() ? "shown" : "not shown");
            console.flush();
            shown += verdict.shown() ? 1 : 0;
        }
        console.printf(Locale.ROOT, "ordering shown on %d of %d seed(s)%n", shown, seeds);
        return 0;
    }

    /** Trains the rows side by side until they end or the budget is spent; each row's last test error in %. */
    private Map<Method, Double> train(List<LessonRow> rows, Path folder, PrintWriter console)
            throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        SideBySideRuns group = new SideBySideRuns(rows, 0, 0, folder);
        long start = System.nanoTime();
        rows.forEach(r -> r.startClock(start));
        group.start(ended::countDown);
        long budget = (long) (minutes * 60e9);
        long nextReport = 60_000_000_000L;
        while (!ended.await(1, TimeUnit.SECONDS)) {
            long elapsed = System.nanoTime() - start;
            if (elapsed >= budget) {
                group.stop();
                ended.await();
                break;
            }
            if (elapsed >= nextReport) {
                console.println("  " + Durations.compact(elapsed / 1e9) + ": " + progress(rows));
                console.flush();
                nextReport += 60_000_000_000L;
            }
        }
        Map<Method, Double> errors = new EnumMap<>(Method.class);
        for (LessonRow r : rows) {
            errors.put(r.method(), 100 * r.lastTestError());
        }
        return errors;
    }

    private static String progress(List<LessonRow> rows) {
        List<String> parts = new ArrayList<>();
        for (LessonRow r : rows) {
            parts.add(String.format(Locale.ROOT, "%s %d steps %s", r.method().label(), r.steps(),
                    Double.isNaN(r.lastTestError()) ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * r.lastTestError())));
        }
        return String.join(" \u00b7 ", parts);
    }

    /** One seed's table: errors in %, times from the lesson's start. */
    static String table(int seed, List<LessonRow> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "seed %d%n", seed));
        sb.append(String.format(Locale.ROOT, "  %-18s %6s %8s %7s %7s %8s %7s %11s %8s%n", "method", "steps", "images",
                "epochs", "test %", "arrang %", "text %", "first step", "ended"));
        for (LessonRow r : rows) {
            sb.append(String.format(Locale.ROOT, "  %-18s %6d %8d %7d %7s %8s %7s %11s %8s%n", Lesson.label(r.method()),
                    r.steps(), r.images(), r.epochs(), percent(r.lastTestError()), percent(r.groupError("arrangement")),
                    percent(r.groupError("texture")), seconds(r.firstStepSeconds()), seconds(r.endSeconds())));
        }
        for (LessonRow r : rows) {
            if (r.failure() != null) {
                sb.append(String.format(Locale.ROOT, "  %s failed: %s%n", Lesson.label(r.method()), r.failure()));
            }
        }
        return sb.toString();
    }

    private static String percent(double error) {
        return Double.isNaN(error) ? "-" : String.format(Locale.ROOT, "%.1f", 100 * error);
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "-" : Durations.compact(s);
    }

    /** The budget a lesson had, for tests. */
    Duration budget() {
        return Duration.ofMillis((long) (minutes * 60_000));
    }
}
