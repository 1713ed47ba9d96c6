package org.mlaan.lab.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mlaan.lab.analysis.RunOutcome;
import org.mlaan.lab.analysis.result.AblationCell;
import org.mlaan.lab.analysis.result.AblationMatrix;
import org.mlaan.lab.analysis.result.AnalysisReport;
import org.mlaan.lab.analysis.result.EpochBudgetRow;
import org.mlaan.lab.analysis.result.GeneralisationRow;
import org.mlaan.lab.analysis.result.MemoryRow;
import org.mlaan.lab.analysis.result.SeedResult;
import org.mlaan.lab.analysis.result.SeparabilityCurve;
import org.mlaan.lab.analysis.result.SeparabilityPoint;
import org.mlaan.lab.analysis.result.SimilarityResult;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.io.AtomicFiles;
import org.mlaan.lab.core.io.CsvCells;
import org.mlaan.lab.core.run.RunRecord;

/**
 * The report's tables as CSV files in a folder beside the page ({@code report.html} ->
 * {@code report-csv/}), one file per table the report holds: {@code runs.csv},
 * {@code ablation.csv}, {@code ablation-seeds.csv}, {@code epoch-budgets.csv},
 * {@code separability.csv}, {@code similarity.csv}, {@code similarity-pairs-<run>.csv},
 * {@code memory.csv}, {@code generalisation.csv}. Errors and accuracies are fractions 0..1 at full
 * precision, bytes are bytes; a value never measured is an empty field. Text fields go through
 * {@link CsvCells#text}: quoted as RFC 4180 says when they hold a comma, quote or line break, and
 * with a leading {@code '} when they start with {@code = + - @}, a tab or a carriage return, so that
 * a run named like a formula does not run as one in a spreadsheet. Each file is written atomically.
 */
public final class ReportCsv {
    private ReportCsv() {}

    /** The folder the tables of the page {@code html} go to: its name without {@code .html}, plus {@code -csv}. */
    public static Path folderFor(Path html) {
        String name = html.getFileName().toString();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".html") ? name.substring(0, name.length() - 5)
                : name;
        return html.resolveSibling(stem + "-csv");
    }

    /** Writes every table the report holds into {@code folder}; returns the files written. */
    public static List<Path> write(AnalysisReport r, Path folder) throws IOException {
        List<Path> written = new ArrayList<>();
        Table runs = new Table("run", "name", "method", "arch", "split", "dataset", "train_images", "test_images",
                "epochs_planned", "epochs_done", "batch_size", "learning_rate", "seed", "state", "final_top1_err",
                "best_top1_err", "minutes", "run_dir");
        for (RunRecord run : r.runs()) {
            ExperimentConfig c = run.config();
            RunOutcome o = RunOutcome.of(run);
            runs.row(o.name(), c.nameOrDefault(), o.method().label(), c.network().archOrDefault().id(), RunDescription.split(c),
                    RunDescription.dataset(c), opt(c.dataset().trainSize()), opt(c.dataset().testSize()),
                    o.plannedEpochs(), o.epochsDone(), c.training().batchSizeOrDefault(),
                    c.training().learningRateOrDefault(), o.seed(), o.state(), o.finalError(), o.bestError(),
                    o.minutes(), String.valueOf(run.dir()));
        }
        written.add(runs.write(folder.resolve("runs.csv")));
        if (r.ablation() != null) {
            AblationMatrix m = r.ablation();
            Table cells = new Table("method", "base", "mlm", "lam", "seeds", "seeds_counted", "best_top1_err_mean",
                    "best_top1_err_std", "final_top1_err_mean", "final_top1_err_std");
            Table seeds = new Table("method", "seed", "epochs", "final_top1_err", "best_top1_err", "minutes", "state",
                    "run_dir");
            List<AblationCell> all = new ArrayList<>();
            if (m.bp() != null) {
                all.add(m.bp());
            }
            all.addAll(m.cells());
            for (AblationCell c : all) {
                cells.row(c.method().label(), m.base().label(), c.mlm(), c.lam(), c.seeds().size(), c.bestError().n(),
                        c.bestError().mean(), c.bestError().std(), c.finalError().mean(), c.finalError().std());
                for (SeedResult s : c.seeds()) {
                    seeds.row(c.method().label(), s.seed(), s.epochs(), s.finalError(), s.bestError(), s.minutes(),
                            s.state(), String.valueOf(s.runDir()));
                }
            }
            written.add(cells.write(folder.resolve("ablation.csv")));
            written.add(seeds.write(folder.resolve("ablation-seeds.csv")));
        }
        if (!r.epochBudgets().isEmpty()) {
            Table t = new Table("method", "epochs", "seeds", "best_top1_err_mean", "best_top1_err_std",
                    "final_top1_err_mean", "final_top1_err_std", "minutes_per_run");
            for (EpochBudgetRow row : r.epochBudgets()) {
                t.row(row.method().label(), row.epochs(), row.bestError().n(), row.bestError().mean(),
                        row.bestError().std(), row.finalError().mean(), row.finalError().std(), row.minutes());
            }
            written.add(t.write(folder.resolve("epoch-budgets.csv")));
        }
        if (!r.separability().isEmpty()) {
            Table t = new Table("run", "method", "train_images", "test_images", "module", "after_unit", "depth",
                    "features", "train_accuracy", "test_accuracy");
            for (SeparabilityCurve c : r.separability()) {
                for (SeparabilityPoint p : c.points()) {
                    t.row(c.run(), c.method().label(), c.trainImages(), c.testImages(), p.module(), p.afterUnit(),
                            p.depth(), p.features(), p.trainAccuracy(), p.testAccuracy());
                }
            }
            written.add(t.write(folder.resolve("separability.csv")));
        }
        if (!r.similarity().isEmpty()) {
            Table t = new Table("run", "method", "reference", "images", "unit", "cka_same_unit");
            for (SimilarityResult s : r.similarity()) {
                for (int i = 0; i < s.units().size(); i++) {
                    t.row(s.run(), s.method().label(), s.reference(), s.images(), s.units().get(i), s.sameCut()[i]);
                }
                List<String> header = new ArrayList<>(List.of("run_unit \\ reference_unit"));
                header.addAll(s.units());
                Table pairs = new Table(header.toArray(String[]::new));
                for (int i = 0; i < s.units().size(); i++) {
                    Object[] row = new Object[s.units().size() + 1];
                    row[0] = s.units().get(i);
                    for (int j = 0; j < s.units().size(); j++) {
                        row[j + 1] = s.allPairs()[i][j];
                    }
                    pairs.row(row);
                }
                written.add(pairs.write(folder.resolve("similarity-pairs-" + safe(s.run()) + ".csv")));
            }
            written.add(t.write(folder.resolve("similarity.csv")));
        }
        if (!r.memory().isEmpty()) {
            Table t = new Table("method", "arch", "split", "batch_size", "device", "live_bytes", "process_rss_bytes",
                    "device_bytes");
            for (MemoryRow m : r.memory()) {
                t.row(m.method(), m.arch(), m.split(), m.batchSize(), m.device(), m.liveBytes(), m.processBytes(),
                        m.deviceBytes());
            }
            written.add(t.write(folder.resolve("memory.csv")));
        }
        if (!r.generalisation().isEmpty()) {
            Table t = new Table("run", "method", "trained_on", "evaluated_on", "trained_on_top1_err",
                    "evaluated_on_top1_err", "images");
            for (GeneralisationRow g : r.generalisation()) {
                t.row(g.run(), g.method().label(), g.trainedOn(), g.evaluatedOn(), g.trainedOnError(),
                        g.evaluatedOnError(), g.images());
            }
            written.add(t.write(folder.resolve("generalisation.csv")));
        }
        return written;
    }

    /** A run name as part of a file name: letters, digits, dot, dash and underscore; anything else an underscore. */
    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * One field: numbers as Java writes them (NaN as empty) and never marked, anything else as a
     * text cell ({@link CsvCells#text}: marked when a spreadsheet would run it, quoted when it needs to be).
     */
    static String field(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return d.isNaN() ? "" : CsvCells.number(d);
        }
        if (v instanceof Integer || v instanceof Long) {
            return CsvCells.number(((Number) v).longValue());
        }
        return CsvCells.text(v.toString());
    }

    private static Object opt(Integer v) {
        return v == null ? "all" : v;
    }

    /** A CSV table being built. */
    private static final class Table {
        private final StringBuilder text = new StringBuilder();
        private final int columns;

        Table(String... header) {
            columns = header.length;
            row((Object[]) header);
        }

        void row(Object... values) {
            if (values.length != columns) {
                throw new IllegalArgumentException("expected " + columns + " fields, got " + values.length);
            }
            for (int i = 0; i < values.length; i++) {
                text.append(i == 0 ? "" : ",").append(field(values[i]));
            }
            text.append('\n');
        }

        Path write(Path file) throws IOException {
            AtomicFiles.writeString(file, text.toString());
            return file;
        }
    }
}
