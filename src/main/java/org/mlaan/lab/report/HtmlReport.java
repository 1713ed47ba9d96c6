package org.mlaan.lab.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
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
import org.mlaan.lab.core.run.Provenance;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.core.stats.Summary;

/**
 * One self-contained HTML page of an {@link AnalysisReport}: inline CSS, every figure a base64 PNG
 * inside the page, no scripts and no other files, so it can be mailed or archived as it is. The
 * page is well-formed XHTML; every text that comes from a run folder (names, descriptions, paths,
 * notes) is escaped. It shows what was run, then each analysis the report holds with a caption
 * saying what it measures and how, then the notes on what could not be computed.
 */
public final class HtmlReport {
    /** Pixel size the charts are rendered at. */
    static final int CHART_WIDTH = 900;
    static final int CHART_HEIGHT = 480;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final String CSS = """
            body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; color: #33383f; margin: 2em auto;
                   max-width: 1100px; padding: 0 1em; line-height: 1.45; }
            h1 { font-size: 1.7em; margin-bottom: 0.2em; } h2 { margin-top: 2em; border-bottom: 1px solid #e3e6ea; }
            .meta, .caption { color: #6b727b; } .caption { max-width: 60em; }
            table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.9em; }
            th, td { border-bottom: 1px solid #e3e6ea; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
            th { background: #f5f6f8; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
            img { max-width: 100%; height: auto; border: 1px solid #eef0f2; margin: 0.4em 0; }
            .swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.4em; border-radius: 2px; }
            .notes li { margin: 0.2em 0; } .bad { color: #b03a2e; }
            """;

    private HtmlReport() {}

    /** Writes the page to {@code file} atomically (a temporary file, then a rename). */
    public static void write(AnalysisReport report, Path file) throws IOException {
        AtomicFiles.writeString(file, html(report));
    }

    /** The page. Run folders are read for their {@code provenance.json} when they have one. */
    public static String html(AnalysisReport r) {
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>").append(esc(r.title())).append("</title>\n<style>")
                .append(CSS).append("</style>\n</head>\n<body>\n");
        b.append("<h1>").append(esc(r.title())).append("</h1>\n<p class=\"meta\">Made ")
                .append(esc(WHEN.format(r.made().atZone(ZoneId.systemDefault())))).append(" by MLAAN Lab from ")
                .append(r.runs().size()).append(" run folder(s)")
                .append(r.notes().isEmpty() ? "." : "; " + r.notes().size() + " note(s) at the end say what could not be"
                        + " computed.")
                .append("</p>\n");
        runs(b, r.runs());
        if (r.ablation() != null) {
            ablation(b, r.ablation());
        }
        if (!r.epochBudgets().isEmpty()) {
            budgets(b, r.epochBudgets());
        }
        if (!r.runs().isEmpty()) {
            section(b, "Test error per epoch");
            caption(b, "Test top-1 error of each run after each epoch, on the run's own test set, in the evaluation"
                    + " mode of the network as trained so far; epochs without evaluation are left out. Runs of the"
                    + " same method share a colour; the second and later are dashed.");
            image(b, ReportCharts.testErrorCurves(r.runs()), "test error per epoch of every run");
        }
        if (!r.separability().isEmpty()) {
            separability(b, r.separability());
        }
        if (!r.similarity().isEmpty()) {
            similarity(b, r.similarity());
        }
        if (!r.memory().isEmpty()) {
            memory(b, r.memory());
        }
        if (!r.generalisation().isEmpty()) {
            generalisation(b, r.generalisation());
        }
        if (!r.featureMaps().isEmpty()) {
            section(b, "Figure 4: feature maps");
            caption(b, "For each run (row) and each test image (column, the first test image of each class): the image"
                    + " as the network saw it, and the mean over channels of the output of unit "
                    + r.featureMapUnit() + ", from the run's last checkpoint in evaluation mode. Each heatmap is scaled"
                    + " from its own minimum (dark) to its own maximum (bright), so it shows where a unit responds,"
                    + " not how strongly compared with another run.");
            png(b, FeatureMapFigure.draw(r.featureMaps(), r.featureMapUnit()), "feature maps of each run");
        }
        section(b, "Notes");
        if (r.notes().isEmpty()) {
            b.append("<p>Every analysis the runs allow was computed.</p>\n");
        } else {
            b.append("<ul class=\"notes\">\n");
            r.notes().forEach(n -> b.append("<li>").append(esc(n)).append("</li>\n"));
            b.append("</ul>\n");
        }
        return b.append("</body>\n</html>\n").toString();
    }

    private static void runs(StringBuilder b, List<RunRecord> runs) {
        section(b, "What was run");
        caption(b, "Each run folder (its config's name over the folder's): its config as it ran, where it stands (status.json) and where it ran"
                + " (provenance.json). Errors are test top-1 error in %: final after the last evaluated epoch, best"
                + " over the epochs.");
        b.append("<table>\n<tr><th>run</th><th>method</th><th>network</th><th>split / K</th><th>data set</th>"
                + "<th>train / test images</th><th>epochs</th><th>batch</th><th>lr</th><th>seed</th><th>state</th>"
                + "<th>final</th><th>best</th><th>minutes</th><th>device</th><th>versions</th></tr>\n");
        for (RunRecord run : runs) {
            ExperimentConfig c = run.config();
            RunOutcome o = RunOutcome.of(run);
            Provenance p = RunDescription.provenance(run.dir());
            b.append("<tr title=\"").append(esc(c.description())).append("\"><td><b>").append(esc(c.nameOrDefault()))
                    .append("</b><br/><small title=\"").append(esc(String.valueOf(run.dir()))).append("\">")
                    .append(esc(o.name())).append("</small></td><td>").append(method(o.method().label())).append("</td><td>")
                    .append(esc(c.network().archOrDefault().id())).append("</td><td>")
                    .append(esc(RunDescription.split(c))).append("</td><td>").append(esc(RunDescription.dataset(c)))
                    .append("</td><td>").append(esc(RunDescription.sizes(c))).append("</td>");
            num(b, o.epochsDone() + " / " + o.plannedEpochs());
            num(b, Integer.toString(c.training().batchSizeOrDefault()));
            num(b, fmt("%g", c.training().learningRateOrDefault()));
            num(b, Long.toString(o.seed()));
            b.append("<td").append(o.counts() ? "" : " class=\"bad\"").append(">").append(esc(o.state()))
                    .append("</td>");
            num(b, percent(o.finalError()));
            num(b, percent(o.bestError()));
            num(b, fmt("%.1f", o.minutes()));
            b.append("<td>").append(p == null ? "n/a" : esc(p.device())).append("</td><td>")
                    .append(p == null ? "n/a" : esc("lab " + p.labVersion() + ", DJL " + p.djlVersion() + ", "
                            + p.engine() + " " + p.engineVersion() + ", Java " + p.java()))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static void ablation(StringBuilder b, AblationMatrix m) {
        section(b, "Table 4: ablation of MLM and LAM");
        caption(b, "Test top-1 error of " + m.base().label() + " with the cascaded windows of MLM off or on and the"
                + " leap auxiliaries of LAM off or on, beside end-to-end BP, as mean ± sample standard deviation over"
                + " the seeds (as the papers print it, the best error over epochs; the final error too). A run that"
                + " failed or never evaluated is listed but not in the means; each method uses its most common epoch"
                + " budget, and runs at other budgets are in Table 5.");
        image(b, ReportCharts.ablationMatrix(m), "ablation matrix heatmap");
        b.append("<table>\n<tr><th>method</th><th>MLM</th><th>LAM</th><th>seeds counted</th>"
                + "<th>best error (%)</th><th>final error (%)</th><th>per seed: best / final (%), epochs, state</th>"
                + "</tr>\n");
        List<AblationCell> cells = new java.util.ArrayList<>();
        if (m.bp() != null) {
            cells.add(m.bp());
        }
        cells.addAll(m.cells());
        for (AblationCell c : cells) {
            b.append("<tr><td>").append(method(c.method().label())).append("</td><td>").append(c.mlm() ? "on" : "off")
                    .append("</td><td>").append(c.lam() ? "on" : "off").append("</td>");
            num(b, c.bestError().n() + " of " + c.seeds().size());
            num(b, pm(c.bestError()));
            num(b, pm(c.finalError()));
            b.append("<td>").append(c.seeds().stream().map(HtmlReport::seed).collect(Collectors.joining("<br/>")))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static String seed(SeedResult s) {
        return esc(String.format(Locale.ROOT, "seed %d: %s / %s, %d epochs, %s", s.seed(), percent(s.bestError()),
                percent(s.finalError()), s.epochs(), s.state()));
    }

    private static void budgets(StringBuilder b, List<EpochBudgetRow> rows) {
        section(b, "Table 5: epoch budgets");
        caption(b, "Each method at each number of epochs its runs were asked to train: mean ± sample standard"
                + " deviation over seeds of the best and the final test top-1 error, and the mean wall time of one run,"
                + " so a method trained for fewer epochs can be compared with another trained for more. Failed and"
                + " never-evaluated runs are left out.");
        image(b, ReportCharts.epochBudgets(rows), "epoch budgets bar chart");
        b.append("<table>\n<tr><th>method</th><th>epochs</th><th>seeds</th><th>best error (%)</th>"
                + "<th>final error (%)</th><th>minutes per run</th></tr>\n");
        for (EpochBudgetRow row : rows) {
            b.append("<tr><td>").append(method(row.method().label())).append("</td>");
            num(b, Integer.toString(row.epochs()));
            num(b, Integer.toString(row.bestError().n()));
            num(b, pm(row.bestError()));
            num(b, pm(row.finalError()));
            num(b, fmt("%.1f", row.minutes()));
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    private static void separability(StringBuilder b, List<SeparabilityCurve> curves) {
        section(b, "Figure 5: linear separability by depth");
        SeparabilityCurve first = curves.get(0);
        caption(b, "For each module of each run, a linear classifier is fitted on the module's output, globally"
                + " average-pooled, with the network frozen at its last checkpoint; the line is its accuracy on"
                + " held-out test images, against the depth (units from the input) at which the module ends. Fitted"
                + " on " + first.trainImages() + " training images and scored on " + first.testImages()
                + " test images" + (curves.stream().allMatch(c -> c.trainImages() == first.trainImages()
                        && c.testImages() == first.testImages()) ? " for every run." : " (per run: see the table)."));
        image(b, ReportCharts.separability(curves), "linear separability by depth");
        b.append("<table>\n<tr><th>run</th><th>method</th><th>images (fit / test)</th>"
                + "<th>module: after unit, depth, features, test accuracy (train accuracy)</th></tr>\n");
        for (SeparabilityCurve c : curves) {
            b.append("<tr><td>").append(esc(c.run())).append("</td><td>").append(method(c.method().label()))
                    .append("</td>");
            num(b, c.trainImages() + " / " + c.testImages());
            b.append("<td>");
            for (SeparabilityPoint p : c.points()) {
                b.append(esc(String.format(Locale.ROOT, "%d: %s, depth %d, %d, %.1f %% (%.1f %%)", p.module(),
                        p.afterUnit(), p.depth(), p.features(), 100 * p.testAccuracy(), 100 * p.trainAccuracy())))
                        .append("<br/>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static void similarity(StringBuilder b, List<SimilarityResult> results) {
        section(b, "Figure 6: similarity to BP");
        caption(b, "Linear centred kernel alignment (CKA, 0 to 1) between each run's representation at the end of"
                + " each of its modules and the BP reference run's at the same unit, on the same "
                + results.get(0).images() + " test images (flattened outputs, both networks at their last"
                + " checkpoints in evaluation mode). The lines compare the same cut; the heatmaps compare every unit"
                + " of the run (rows) with every unit of the reference (columns).");
        image(b, ReportCharts.similarityLines(results), "CKA with BP by depth");
        for (SimilarityResult s : results) {
            image(b, ReportCharts.similarityHeatmap(s), "CKA of all unit pairs, " + s.run() + " against " + s.reference());
        }
    }

    private static void memory(StringBuilder b, List<MemoryRow> rows) {
        section(b, "Table 3: memory");
        caption(b, "Memory of one training step at each run's config, each method measured in its own process:"
                + " the peak bytes of tensors alive at once during the step, and the process peak (device memory"
                + " on a GPU, the resident set on the CPU). A local method frees each module's graph after its"
                + " local backward step, which the live-tensor figure shows most directly.");
        image(b, ReportCharts.memoryBars(rows), "memory bars");
        MemoryRow bp = rows.stream().filter(r -> r.method().equals("BP")).findFirst().orElse(null);
        b.append("<table>\n<tr><th>method</th><th>network</th><th>split</th><th>batch</th><th>device</th>"
                + "<th>live tensors (MiB)</th><th>of BP</th><th>process peak (MiB)</th><th>of BP</th></tr>\n");
        for (MemoryRow r : rows) {
            b.append("<tr><td>").append(method(r.method())).append("</td><td>").append(esc(r.arch()))
                    .append("</td><td>").append(esc(r.split())).append("</td>");
            num(b, Integer.toString(r.batchSize()));
            b.append("<td>").append(esc(r.device())).append("</td>");
            num(b, mib(r.liveBytes()));
            num(b, bp == null ? "n/a" : ratio(r.liveBytes(), bp.liveBytes()));
            num(b, mib(r.processPeak()));
            num(b, bp == null ? "n/a" : ratio(r.processPeak(), bp.processPeak()));
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    private static void generalisation(StringBuilder b, List<GeneralisationRow> rows) {
        section(b, "Table 6: generalisation to another data set");
        caption(b, "Each run's last checkpoint, trained on its own data set, evaluated without further training on"
                + " another data set with the same classes: test top-1 error on its own test set and on the other set.");
        b.append("<table>\n<tr><th>run</th><th>method</th><th>trained on</th><th>error there (%)</th>"
                + "<th>evaluated on</th><th>error there (%)</th><th>images</th></tr>\n");
        for (GeneralisationRow r : rows) {
            b.append("<tr><td>").append(esc(r.run())).append("</td><td>").append(method(r.method().label()))
                    .append("</td><td>").append(esc(r.trainedOn())).append("</td>");
            num(b, percent(r.trainedOnError()));
            b.append("<td>").append(esc(r.evaluatedOn())).append("</td>");
            num(b, percent(r.evaluatedOnError()));
            num(b, Integer.toString(r.images()));
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    private static void section(StringBuilder b, String title) {
        b.append("<h2>").append(esc(title)).append("</h2>\n");
    }

    private static void caption(StringBuilder b, String text) {
        b.append("<p class=\"caption\">").append(esc(text)).append("</p>\n");
    }

    private static void image(StringBuilder b, JFreeChart chart, String alt) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(png, chart, CHART_WIDTH, CHART_HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        img(b, png.toByteArray(), alt, CHART_WIDTH, CHART_HEIGHT);
    }

    private static void png(StringBuilder b, BufferedImage image, String alt) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        img(b, png.toByteArray(), alt, image.getWidth(), image.getHeight());
    }

    private static void img(StringBuilder b, byte[] png, String alt, int width, int height) {
        b.append("<p><img alt=\"").append(esc(alt)).append("\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"/></p>\n");
    }

    private static String method(String label) {
        return "<span class=\"swatch\" style=\"background:" + MethodColors.web(MethodColors.of(label)) + "\"></span>"
                + esc(label);
    }

    private static void num(StringBuilder b, String text) {
        b.append("<td class=\"num\">").append(esc(text)).append("</td>");
    }

    private static String pm(Summary s) {
        return ReportCharts.pm(s);
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "n/a" : fmt("%.2f", 100 * v);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : fmt("%.1f", bytes / 1024.0 / 1024.0);
    }

    private static String ratio(long a, long b) {
        return a < 0 || b <= 0 ? "n/a" : fmt("%.0f %%", 100.0 * a / b);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Text for an XHTML element or attribute: {@code & < > " '} as character references. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // Control characters other than tab and newlines are not allowed in XML at all.
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }
}
