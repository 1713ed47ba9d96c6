package org.mlaan.lab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.mlaan.lab.analysis.CheckpointAnalyses;
import org.mlaan.lab.analysis.IsolatedBench;
import org.mlaan.lab.analysis.ReportAssembler;
import org.mlaan.lab.analysis.RunAnalyses;
import org.mlaan.lab.analysis.RunOutcome;
import org.mlaan.lab.analysis.result.AnalysisReport;
import org.mlaan.lab.analysis.result.MemoryRow;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.run.RunFolderReader;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.report.HtmlReport;
import org.mlaan.lab.report.ReportCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code report}: one HTML page (and CSV tables beside it) of the analyses a set of run folders
 * allows: Tables 4 and 5 from their metrics, Figures 4 to 6 and Table 6 from their checkpoints,
 * Table 3 measured anew when asked.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write one self-contained HTML report of run folders (or folders of run folders, such as an"
                + " ablation's --out): the runs, the MLM x LAM ablation matrix (Table 4), epoch budgets (Table 5), test"
                + " error curves, and from the checkpoints linear separability (Figure 5), CKA against BP (Figure 6),"
                + " feature maps (Figure 4) and, when asked, generalisation (Table 6) and memory (Table 3). Its tables"
                + " go as CSV files into FILE-csv/ beside it.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "run folders, or folders holding run folders")
    List<Path> runDirs;

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "the HTML file to write")
    Path out;

    @Option(names = "--title", description = "the report's title (default: MLAAN Lab report: N run(s))")
    String title;

    @Option(names = "--reference", paramLabel = "BP_RUN",
            description = "the BP run folder Figure 6 compares with (default: the BP run of the same seed, else the first)")
    Path reference;

    @Option(names = "--no-checkpoint-analyses",
            description = "only what the metrics give (Tables 4 and 5, curves); no checkpoint is loaded")
    boolean noCheckpointAnalyses;

    @Option(names = "--memory", description = "measure BP against each local method at its runs' config (Table 3),"
            + " each method in its own JVM")
    boolean memory;

    @Option(names = "--memory-steps", defaultValue = "3", description = "timed steps per method for --memory (default: ${DEFAULT-VALUE})")
    int memorySteps;

    @Option(names = "--device", description = "auto | cpu | gpu | gpu:N for --memory (default: each config's)")
    String device;

    @Option(names = "--generalise-to-config", paramLabel = "FILE.json",
            description = "evaluate each run on this config's data set as well (Table 6)")
    Path generaliseTo;

    @Option(names = "--generalise-images", defaultValue = "1000", description = "images of that data set (default: ${DEFAULT-VALUE})")
    int generaliseImages;

    @Option(names = "--separability-images", defaultValue = "1000",
            description = "images each Figure 5 classifier is fitted on, and as many test images it is scored on (default: ${DEFAULT-VALUE})")
    int separabilityImages;

    @Option(names = "--cka-images", defaultValue = "500", description = "test images of Figure 6 (default: ${DEFAULT-VALUE})")
    int ckaImages;

    @Option(names = "--feature-map-images", defaultValue = "4", description = "test images of Figure 4 (default: ${DEFAULT-VALUE})")
    int featureMapImages;

    @Option(names = "--feature-map-unit", description = "the unit Figure 4 shows, e.g. 2.0 (default: the middle one)")
    String featureMapUnit;

    @Option(names = "--json", description = "print what was written, the tables and the notes as JSON")
    boolean json;

    private final Supplier<RunAnalyses> analyses;

    ReportCommand() {
        this(ReportCommand::checkpointAnalyses);
    }

    /** With the checkpoint analyses {@code analyses} gives (tests pass fakes). */
    ReportCommand(Supplier<RunAnalyses> analyses) {
        this.analyses = analyses;
    }

    /** The checkpoint analyses (Figures 4 to 6, Table 6), on the CPU: checkpoints are read, not trained. */
    static RunAnalyses checkpointAnalyses() {
        return new CheckpointAnalyses();
    }

    @Override
    public Integer call() throws Exception {
        positive("--separability-images", separabilityImages);
        positive("--cka-images", ckaImages);
        positive("--generalise-images", generaliseImages);
        positive("--feature-map-images", featureMapImages);
        positive("--memory-steps", memorySteps);
        if (reference != null && !Files.isDirectory(reference)) {
            throw new IllegalArgumentException("--reference " + reference + ": no such run folder");
        }
        List<Path> dirs = ReportAssembler.runDirs(runDirs);
        RunAnalyses checkpoint = noCheckpointAnalyses ? null : analyses.get();
        PrintWriter console = spec.commandLine().getOut();
        ReportAssembler.Options options = ReportAssembler.Options.defaults().withTitle(title).withReference(reference)
                .withCheckpointAnalyses(!noCheckpointAnalyses).withImages(separabilityImages, ckaImages)
                .withFeatureMaps(featureMapImages, featureMapUnit);
        if (generaliseTo != null) {
            options = options.withGeneraliseTo(ConfigFiles.read(generaliseTo).dataset(), generaliseImages);
        }
        if (memory) {
            List<String> notes = new ArrayList<>();
            options = options.withMemory(measureMemory(dirs, console, notes), notes);
        }
        AnalysisProgressLine line = new AnalysisProgressLine(console, System.console() != null && !json);
        AnalysisReport report = new ReportAssembler(checkpoint).assemble(runDirs, options, json ? (w, f) -> { } : line);
        line.end();
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        HtmlReport.write(report, out);
        List<Path> csv = ReportCsv.write(report, ReportCsv.folderFor(out));
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("html", out.toString());
            root.put("csv", csv.stream().map(Path::toString).toList());
            root.put("runs", report.runs().stream().map(RunOutcome::of).map(o -> Map.of("run", o.name(),
                    "method", o.method().label(), "seed", o.seed(), "state", o.state())).toList());
            root.put("ablation", report.ablation());
            root.put("epochBudgets", report.epochBudgets());
            root.put("memory", report.memory());
            root.put("notes", report.notes());
            console.println(ConfigFiles.mapper().writeValueAsString(root));
        } else {
            console.printf(Locale.ROOT, "report of %d run(s): %s%n", report.runs().size(), out);
            console.printf(Locale.ROOT, "tables: %s (%d CSV files)%n", ReportCsv.folderFor(out), csv.size());
            report.notes().forEach(n -> console.println("note: " + n));
        }
        return 0;
    }

    /**
     * Table 3: BP against each local method, at the config of the method's first run, each in its
     * own JVM (a process peak only grows). A measurement that fails becomes a note.
     */
    private List<MemoryRow> measureMemory(List<Path> dirs, PrintWriter console, List<String> notes) {
        Map<String, ExperimentConfig> configs = new LinkedHashMap<>();
        for (Path d : dirs) {
            try {
                RunRecord r = RunFolderReader.read(d);
                Method m = r.config().methodOrDefault();
                if (m != Method.BP) {
                    configs.putIfAbsent(m.label() + "|" + r.config().network().archOrDefault().id() + "|"
                            + r.config().split() + "|" + r.config().training().batchSizeOrDefault(), r.config());
                }
            } catch (IOException e) {
                // the assembler notes unreadable folders
            }
        }
        if (configs.isEmpty()) {
            notes.add("Table 3 (memory) needs a run of a local method; there is none.");
            return List.of();
        }
        List<MemoryRow> rows = new ArrayList<>();
        Set<String> bpDone = new LinkedHashSet<>();
        for (ExperimentConfig c : configs.values()) {
            Method m = c.methodOrDefault();
            console.printf(Locale.ROOT, "memory: BP and %s on %s, batch %d%n", m.label(),
                    c.network().archOrDefault().id(), c.training().batchSizeOrDefault());
            console.flush();
            try {
                List<MethodFigures> f = MethodBench.isolated(c, List.of(Method.BP, m), memorySteps, device);
                MethodFigures bp = f.get(0);
                if (bpDone.add(bp.arch() + "|" + bp.batchSize() + "|" + bp.device())) {
                    rows.add(0, memoryRow(bp, ""));
                }
                rows.add(memoryRow(f.get(1), IsolatedBench.splitLabel(c)));
            } catch (IOException e) {
                notes.add("Table 3: " + m.label() + " could not be measured: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                notes.add("Table 3: the measurement was interrupted.");
                break;
            }
        }
        return rows;
    }

    /** A measurement as a Table 3 row. */
    static MemoryRow memoryRow(MethodFigures f, String split) {
        return new MemoryRow(f.method(), f.arch(), split, f.batchSize(), f.device(), f.peakLiveBytes(), f.peakRssBytes(),
                f.peakDeviceBytes());
    }


    private static void positive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + ": expected at least 1, got " + value);
        }
    }
}
