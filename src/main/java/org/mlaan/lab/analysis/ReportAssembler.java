package org.mlaan.lab.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.mlaan.lab.analysis.result.AnalysisReport;
import org.mlaan.lab.analysis.result.FeatureMapPanel;
import org.mlaan.lab.analysis.result.GeneralisationRow;
import org.mlaan.lab.analysis.result.MemoryRow;
import org.mlaan.lab.analysis.result.SeparabilityCurve;
import org.mlaan.lab.analysis.result.SimilarityResult;
import org.mlaan.lab.core.config.DatasetConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.cluster.TaskList;
import org.mlaan.lab.core.run.RunFolder;
import org.mlaan.lab.core.run.RunFolderReader;
import org.mlaan.lab.core.run.RunRecord;

/**
 * Builds an {@link AnalysisReport} from run folders: Tables 4 and 5 from their metrics, and, when
 * asked, Figures 4 to 6 and Table 6 from their checkpoints through a {@link RunAnalyses}. An
 * analysis that cannot be done for one run (no checkpoint, a folder that does not read) becomes a
 * note in the report instead of failing the report.
 *
 * <p>The checkpoint analyses run on one run per method, so that a sweep of many seeds costs one
 * analysis per method and its figures stay readable: among the method's runs at its usual epoch
 * budget (those Table 4 takes), the run with the reference's seed when there is one, else the method's first run that counts ({@link RunOutcome#counts()}). Each run is
 * compared (Figure 6) with the reference BP run: the one given, else the BP run of the same seed,
 * else the first BP run.
 */
public final class ReportAssembler {
    private final RunAnalyses analyses;

    /** @param analyses the checkpoint analyses, or null when the reports will not ask for them */
    public ReportAssembler(RunAnalyses analyses) {
        this.analyses = analyses;
    }

    /**
     * What a report holds beyond the runs' metrics.
     *
     * @param title the report's title, or null for one naming the run count
     * @param reference the BP run to compare with (Figure 6), or null to pick one among the runs
     * @param checkpointAnalyses whether to load checkpoints for Figures 4 to 6 and Table 6
     * @param separabilityImages images each Figure 5 classifier is fitted on, and as many it is scored on
     * @param ckaImages test images of Figure 6
     * @param generaliseTo the data set of Table 6, or null for no Table 6
     * @param generaliseImages images of that set to evaluate
     * @param featureMapImages images of Figure 4 (the first test image of each class, up to this many)
     * @param featureMapUnit the unit of Figure 4, or null for the middle unit every run tapped
     * @param memory Table 3 rows, measured by the caller (BP first)
     * @param notes the caller's own notes (a measurement that failed), put first
     */
    public record Options(String title, Path reference, boolean checkpointAnalyses, int separabilityImages,
            int ckaImages, DatasetConfig generaliseTo, int generaliseImages, int featureMapImages,
            String featureMapUnit, List<MemoryRow> memory, List<String> notes) {

        public Options {
            memory = List.copyOf(memory);
            notes = List.copyOf(notes);
        }

        /** Checkpoint analyses on, 1000 separability and 500 CKA images, 4 feature-map images, no Table 6 or 3. */
        public static Options defaults() {
            return new Options(null, null, true, 1000, 500, null, 1000, 4, null, List.of(), List.of());
        }

        public Options withTitle(String t) {
            return new Options(t, reference, checkpointAnalyses, separabilityImages, ckaImages, generaliseTo,
                    generaliseImages, featureMapImages, featureMapUnit, memory, notes);
        }

        public Options withReference(Path r) {
            return new Options(title, r, checkpointAnalyses, separabilityImages, ckaImages, generaliseTo,
                    generaliseImages, featureMapImages, featureMapUnit, memory, notes);
        }

        public Options withCheckpointAnalyses(boolean on) {
            return new Options(title, reference, on, separabilityImages, ckaImages, generaliseTo, generaliseImages,
                    featureMapImages, featureMapUnit, memory, notes);
        }

        public Options withImages(int separability, int cka) {
            return new Options(title, reference, checkpointAnalyses, separability, cka, generaliseTo, generaliseImages,
                    featureMapImages, featureMapUnit, memory, notes);
        }

        public Options withGeneraliseTo(DatasetConfig target, int images) {
            return new Options(title, reference, checkpointAnalyses, separabilityImages, ckaImages, target, images,
                    featureMapImages, featureMapUnit, memory, notes);
        }

        public Options withFeatureMaps(int images, String unit) {
            return new Options(title, reference, checkpointAnalyses, separabilityImages, ckaImages, generaliseTo,
                    generaliseImages, images, unit, memory, notes);
        }

        public Options withMemory(List<MemoryRow> rows, List<String> measurementNotes) {
            return new Options(title, reference, checkpointAnalyses, separabilityImages, ckaImages, generaliseTo,
                    generaliseImages, featureMapImages, featureMapUnit, rows, measurementNotes);
        }
    }

    /**
     * The run folders named: each path is a run folder (it holds {@code config.json}) or a folder
     * whose sub-folders are run folders (an ablation's {@code --out}), taken in name order.
     *
     * @throws IllegalArgumentException for a path that is neither
     */
    public static List<Path> runDirs(List<Path> given) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : given) {
            if (Files.isRegularFile(p.resolve(RunFolder.CONFIG))) {
                out.add(p);
                continue;
            }
            if (!Files.isDirectory(p)) {
                throw new IllegalArgumentException(p + ": no such folder");
            }
            List<Path> inside;
            try (Stream<Path> s = Files.list(p)) {
                inside = s.filter(d -> Files.isRegularFile(d.resolve(RunFolder.CONFIG))).sorted().toList();
            }
            if (inside.isEmpty()) {
                throw new IllegalArgumentException(p + ": " + whyNoRuns(p));
            }
            out.addAll(inside);
        }
        return out.stream().map(Path::normalize).distinct().toList();
    }

    /** Why a folder given as a folder of run folders holds none: a job array's folder says what it is. */
    private static String whyNoRuns(Path p) throws IOException {
        if (Files.isRegularFile(TaskList.fileOf(p))) {
            Path abs = p.toAbsolutePath().normalize();
            List<String> configs = TaskList.read(TaskList.fileOf(p)).stream()
                    .filter(t -> !t.runFolder().toAbsolutePath().normalize().getParent().equals(abs))
                    .map(t -> p.resolve(t.config()).toString()).distinct().toList();
            if (!configs.isEmpty()) {
                return "holds a grid of ablations, one folder per config; report each: " + String.join(", ", configs);
            }
            return "a job array none of whose runs has started yet (see: ablate --status " + p + ")";
        }
        return "neither a run folder (no " + RunFolder.CONFIG + ") nor a folder of run folders";
    }

    /**
     * One note per run of a job array among {@code given} that has no run folder yet: listed, not
     * counted ({@link TaskList#withoutFolder}).
     */
    public static List<String> runsNotStarted(List<Path> given) {
        List<String> notes = new ArrayList<>();
        for (Path p : given) {
            try {
                TaskList.withoutFolder(p).forEach(t -> notes.add(TaskList.notStartedNote(t)));
            } catch (IOException e) {
                notes.add(p + ": its job array's task list cannot be read: " + e.getMessage());
            }
        }
        return notes;
    }

    /** The report of the run folders {@code dirs} (see {@link #runDirs}). */
    public AnalysisReport assemble(List<Path> dirs, Options o, AnalysisProgress progress) throws IOException {
        List<String> notes = new ArrayList<>(o.notes());
        List<RunRecord> runs = new ArrayList<>();
        for (Path dir : runDirs(dirs)) {
            try {
                runs.add(RunFolderReader.read(dir));
            } catch (IOException | RuntimeException e) {
                notes.add("Run folder " + dir + " was left out: " + e.getMessage());
            }
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("none of the run folders could be read: " + String.join("; ", notes));
        }
        progress.update("read " + runs.size() + " run folder(s)", 0.02);
        notes.addAll(runsNotStarted(dirs));
        notes.addAll(AblationMatrices.notes(runs));
        List<SeparabilityCurve> separability = new ArrayList<>();
        List<SimilarityResult> similarity = new ArrayList<>();
        List<GeneralisationRow> generalisation = new ArrayList<>();
        List<FeatureMapPanel> featureMaps = new ArrayList<>();
        String unit = null;
        if (!o.checkpointAnalyses()) {
            notes.add("Figures 4, 5 and 6 and Table 6 need the runs' checkpoints and were not asked for.");
        } else {
            Objects.requireNonNull(analyses, "checkpoint analyses asked for without a RunAnalyses");
            RunRecord fixedReference = null;
            if (o.reference() != null) {
                try {
                    fixedReference = RunFolderReader.read(o.reference());
                    if (fixedReference.config().methodOrDefault() != Method.BP) {
                        notes.add("The reference " + RunOutcome.nameOf(fixedReference) + " is "
                                + fixedReference.config().methodOrDefault().label() + ", not BP; Figure 6 compares with it"
                                + " all the same.");
                    }
                } catch (IOException e) {
                    notes.add("The reference run could not be read, so Figure 6 has no reference: " + e.getMessage());
                }
            }
            List<RunRecord> analysed = analysed(runs, fixedReference);
            int tasks = 0;
            for (RunRecord r : analysed) {
                tasks += 2 + (o.generaliseTo() != null ? 1 : 0) + (isBp(r) ? 0 : 1);
            }
            Steps steps = new Steps(progress, Math.max(1, tasks));
            boolean noReferenceNoted = false;
            for (RunRecord run : analysed) {
                String name = RunOutcome.nameOf(run);
                String label = RunOutcome.of(run).method().label() + " " + name;
                SeparabilityCurve sc = attempt(notes, "Figure 5 (separability) of " + name, () ->
                        analyses.separability(run, o.separabilityImages(), o.separabilityImages(),
                                steps.next("separability of " + label)));
                if (sc != null) {
                    separability.add(sc);
                }
                if (!isBp(run)) {
                    RunRecord ref = fixedReference != null ? fixedReference : bpFor(runs, run);
                    if (ref == null) {
                        steps.next("no reference for " + label);
                        if (!noReferenceNoted) {
                            notes.add("Figure 6 (CKA against BP) needs a BP run: there is none among the runs, and"
                                    + " none was given as the reference.");
                            noReferenceNoted = true;
                        }
                    } else {
                        SimilarityResult s = attempt(notes, "Figure 6 (CKA) of " + name, () ->
                                analyses.similarity(run, ref, o.ckaImages(), steps.next("CKA of " + label)));
                        if (s != null) {
                            similarity.add(s);
                        }
                    }
                }
                if (o.generaliseTo() != null) {
                    GeneralisationRow g = attempt(notes, "Table 6 (generalisation) of " + name, () ->
                            analyses.generalisation(run, o.generaliseTo(), o.generaliseImages(),
                                    steps.next("generalisation of " + label)));
                    if (g != null) {
                        generalisation.add(g);
                    }
                }
                steps.next("feature maps of " + label);
                FeatureMapPanel f = attempt(notes, "Figure 4 (feature maps) of " + name, () ->
                        analyses.featureMaps(run, o.featureMapImages()));
                if (f != null) {
                    featureMaps.add(f);
                }
            }
            unit = featureMapUnit(featureMaps, o.featureMapUnit(), notes);
            if (unit == null) {
                featureMaps.clear();
            }
        }
        progress.update("report assembled", 1.0);
        String title = o.title() != null ? o.title()
                : String.format(Locale.ROOT, "MLAAN Lab report: %d run(s)", runs.size());
        return new AnalysisReport(title, Instant.now(), runs, AblationMatrices.from(runs), EpochBudgets.from(runs),
                separability, similarity, o.memory(), generalisation, featureMaps, unit, notes);
    }

    /**
     * One run per method, at the method's usual epoch budget (the runs Table 4 takes): the one with
     * the reference's seed, else the method's first run that counts.
     */
    static List<RunRecord> analysed(List<RunRecord> runs, RunRecord reference) {
        Map<Method, RunRecord> chosen = new LinkedHashMap<>();
        Map<Method, Integer> budgets = AblationMatrices.usualBudgets(runs);
        Long seed = reference != null ? Long.valueOf(reference.config().seedOrDefault())
                : runs.stream().filter(ReportAssembler::isBp).filter(r -> RunOutcome.of(r).counts()).findFirst()
                        .map(r -> r.config().seedOrDefault()).orElse(null);
        for (RunRecord r : runs) {
            RunOutcome out = RunOutcome.of(r);
            if (!out.counts() || out.plannedEpochs() != budgets.getOrDefault(out.method(), out.plannedEpochs())) {
                continue;
            }
            RunRecord have = chosen.get(out.method());
            boolean seedMatch = seed != null && out.seed() == seed;
            if (have == null || seedMatch && have.config().seedOrDefault() != seed) {
                chosen.put(out.method(), r);
            }
        }
        return List.copyOf(chosen.values());
    }

    /** The BP run of the same seed, else the first BP run, else null. */
    static RunRecord bpFor(List<RunRecord> runs, RunRecord run) {
        List<RunRecord> bp = runs.stream().filter(ReportAssembler::isBp).filter(r -> RunOutcome.of(r).counts()).toList();
        return bp.stream().filter(r -> r.config().seedOrDefault() == run.config().seedOrDefault()).findFirst()
                .orElse(bp.isEmpty() ? null : bp.get(0));
    }

    private static boolean isBp(RunRecord r) {
        return r.config().methodOrDefault() == Method.BP;
    }

    /** The unit of Figure 4: the one asked for if every panel has it, else the middle unit all panels share. */
    private static String featureMapUnit(List<FeatureMapPanel> panels, String asked, List<String> notes) {
        if (panels.isEmpty()) {
            return null;
        }
        List<String> common = new ArrayList<>(panels.get(0).maps().units());
        panels.forEach(p -> common.retainAll(p.maps().units()));
        if (asked != null && common.contains(asked)) {
            return asked;
        }
        if (common.isEmpty()) {
            notes.add("Figure 4 was left out: the runs tapped no unit in common.");
            return null;
        }
        String unit = common.get(common.size() / 2);
        if (asked != null) {
            notes.add("Figure 4: not every run tapped unit " + asked + ", so it shows unit " + unit + ".");
        }
        return unit;
    }

    /** A call that may fail for one run. */
    @FunctionalInterface
    private interface Attempt<T> {
        T call() throws IOException;
    }

    private static <T> T attempt(List<String> notes, String what, Attempt<T> call) {
        try {
            return call.call();
        } catch (IOException | RuntimeException e) {
            notes.add(what + " was not computed: " + e.getMessage());
            return null;
        }
    }

    /** Splits 0.02..0.98 of the progress among the analyses, each reporting its own 0..1 within its share. */
    private static final class Steps {
        private final AnalysisProgress progress;
        private final int total;
        private int done;

        Steps(AnalysisProgress progress, int total) {
            this.progress = progress;
            this.total = total;
        }

        AnalysisProgress next(String what) {
            int index = done++;
            double start = 0.02 + 0.96 * index / total;
            double share = 0.96 / total;
            progress.update(what, start);
            return (detail, fraction) -> progress.update(what + ": " + detail,
                    start + share * Math.max(0, Math.min(1, fraction)));
        }
    }
}
