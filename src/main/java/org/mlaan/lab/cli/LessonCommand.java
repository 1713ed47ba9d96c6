package org.mlaan.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
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

    @Option(names = "--seeds", defaultValue = "1", description = "lessons to run, one per seed (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--first-seed", defaultValue = "1", description = "the first lesson's seed; the next ones count up"
            + " from it (default: ${DEFAULT-VALUE})")
    long firstSeed;

    @Option(names = "--minutes", defaultValue = "10", description = "the mark, in minutes from each lesson's start, at"
            + " which the table is taken and the ordering judged; the runs stop there unless --to-end"
            + " (default: ${DEFAULT-VALUE})")
    double minutes;

    @Option(names = "--to-end", description = "train on after the mark until the runs end, and print their table at"
            + " the end too")
    boolean toEnd;

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
        for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
            Path folder = out.resolve(base.nameOrDefault() + "-" + stamp + "-seed" + seed);
            List<LessonRow> rows = new ArrayList<>();
            for (ExperimentConfig c : Lesson.runs(base, seed)) {
                rows.add(new LessonRow(c));
            }
            console.printf(Locale.ROOT, "seed %d: five runs side by side, judged at %s%s; run folders in %s%n", seed,
                    Durations.compact(minutes * 60), toEnd ? " and at their end" : "", folder);
            console.flush();
            List<Table> tables = train(rows, folder, console);
            boolean atMark = false;
            for (int t = 0; t < tables.size(); t++) {
                boolean ok = report(console, seed, tables.get(t));
                // The first table is the one at the mark (or at the end, when the runs ended before it).
                atMark = t == 0 ? ok : atMark;
            }
            shown += atMark ? 1 : 0;
        }
        console.printf(Locale.ROOT, "ordering shown at %s on %d of %d seed(s)%n", Durations.compact(minutes * 60), shown,
                seeds);
        return 0;
    }

    /**
     * Trains the rows side by side; the table at the mark (the runs' figures then; at their end
     * when they end before it) and, with {@code --to-end}, the table once they have ended.
     */
    private List<Table> train(List<LessonRow> rows, Path folder, PrintWriter console)
            throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        SideBySideRuns group = new SideBySideRuns(rows, 0, 0, folder);
        long start = System.nanoTime();
        rows.forEach(r -> r.startClock(start));
        group.start(ended::countDown);
        long mark = (long) (minutes * 60e9);
        long nextReport = 60_000_000_000L;
        List<Table> tables = new ArrayList<>();
        while (!ended.await(1, TimeUnit.SECONDS)) {
            long elapsed = System.nanoTime() - start;
            if (elapsed >= mark && tables.isEmpty()) {
                tables.add(new Table("at " + Durations.compact(elapsed / 1e9), rows.stream().map(LessonRow::figures)
                        .toList()));
                if (!toEnd) {
                    group.stop();
                    ended.await();
                    return tables;
                }
            }
            if (elapsed >= nextReport) {
                console.println("  " + Durations.compact(elapsed / 1e9) + ": " + progress(rows));
                console.flush();
                nextReport += 60_000_000_000L;
            }
        }
        tables.add(new Table("at the end, " + Durations.compact((System.nanoTime() - start) / 1e9),
                rows.stream().map(LessonRow::figures).toList()));
        return tables;
    }

    /** The rows as they were at one moment, and which. */
    private record Table(String when, List<LessonRow.Figures> rows) {}

    /** Prints one table with its verdict; whether the ordering shows. */
    private static boolean report(PrintWriter console, long seed, Table t) {
        List<LessonRow.Figures> rows = t.rows();
        console.print(table(seed + ", " + t.when(), rows));
        Map<Method, Double> errors = new EnumMap<>(Method.class);
        for (LessonRow.Figures r : rows) {
            errors.put(r.method(), 100 * r.testError());
        }
        Lesson.Verdict verdict = Lesson.judge(errors);
        for (Lesson.Check check : verdict.checks()) {
            console.printf(Locale.ROOT, "  %s %s (%+.1f)%n", check.met() ? "yes" : "NO ", check.condition(),
                    check.figure());
        }
        console.printf(Locale.ROOT, "  Table 4 ordering %s%n%n", verdict.shown() ? "shown" : "not shown");
        console.flush();
        return verdict.shown();
    }

    private static String progress(List<LessonRow> rows) {
        List<String> parts = new ArrayList<>();
        for (LessonRow r : rows) {
            parts.add(String.format(Locale.ROOT, "%s %d steps %s", r.method().label(), r.steps(),
                    Double.isNaN(r.lastTestError()) ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * r.lastTestError())));
        }
        return String.join(" \u00b7 ", parts);
    }

    /** One table: errors in %, times from the lesson's start. */
    static String table(String title, List<LessonRow.Figures> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("seed ").append(title).append(System.lineSeparator());
        sb.append(String.format(Locale.ROOT, "  %-18s %6s %8s %7s %7s %8s %7s %11s %8s%n", "method", "steps", "images",
                "epochs", "test %", "arrang %", "text %", "first step", "ended"));
        for (LessonRow.Figures r : rows) {
            sb.append(String.format(Locale.ROOT, "  %-18s %6d %8d %7d %7s %8s %7s %11s %8s%n", Lesson.label(r.method()),
                    r.steps(), r.images(), r.epochs(), percent(r.testError()), percent(r.arrangementError()),
                    percent(r.textureError()), seconds(r.firstStep()), seconds(r.end())));
        }
        for (LessonRow.Figures r : rows) {
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

}
