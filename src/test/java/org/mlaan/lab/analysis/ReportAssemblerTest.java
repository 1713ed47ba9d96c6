package org.mlaan.lab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.analysis.result.AnalysisReport;
import org.mlaan.lab.analysis.result.FeatureMapPanel;
import org.mlaan.lab.analysis.result.GeneralisationRow;
import org.mlaan.lab.analysis.result.SeparabilityCurve;
import org.mlaan.lab.analysis.result.SimilarityResult;
import org.mlaan.lab.core.config.DatasetConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.run.FeatureMaps;
import org.mlaan.lab.core.run.RunRecord;

class ReportAssemblerTest {

    /** Records every call; fails for runs whose config name contains "broken". */
    static final class FakeAnalyses implements RunAnalyses {
        final List<String> calls = new ArrayList<>();

        private void check(RunRecord run) throws IOException {
            if (run.config().nameOrDefault().contains("broken")) {
                throw new IOException("no checkpoint in " + RunOutcome.nameOf(run));
            }
        }

        @Override
        public SeparabilityCurve separability(RunRecord run, int train, int test, AnalysisProgress p) throws IOException {
            calls.add("sep " + run.config().nameOrDefault() + " " + train + "/" + test);
            p.update("fitting", 0.5);
            check(run);
            return new SeparabilityCurve(RunOutcome.nameOf(run), run.config().methodOrDefault(), train, test, List.of());
        }

        @Override
        public SimilarityResult similarity(RunRecord run, RunRecord ref, int images, AnalysisProgress p)
                throws IOException {
            calls.add("cka " + run.config().nameOrDefault() + " vs " + ref.config().nameOrDefault() + " " + images);
            check(run);
            return new SimilarityResult(RunOutcome.nameOf(run), run.config().methodOrDefault(), RunOutcome.nameOf(ref),
                    List.of("1.0"), new double[] {0.5}, new double[][] {{0.5}}, images);
        }

        @Override
        public GeneralisationRow generalisation(RunRecord run, DatasetConfig target, int images, AnalysisProgress p) {
            calls.add("gen " + run.config().nameOrDefault() + " " + target.kind());
            return new GeneralisationRow(RunOutcome.nameOf(run), run.config().methodOrDefault(), "builtin",
                    target.kind(), 0.1, 0.2, images);
        }

        @Override
        public FeatureMapPanel featureMaps(RunRecord run, int images) throws IOException {
            calls.add("maps " + run.config().nameOrDefault());
            check(run);
            List<String> units = run.config().methodOrDefault() == Method.BP ? List.of("stem", "1.0", "2.0", "3.0")
                    : List.of("stem", "1.0", "2.0");
            return new FeatureMapPanel(RunOutcome.nameOf(run), run.config().methodOrDefault(),
                    new FeatureMaps(1, 0, units, List.of()));
        }
    }

    private static Path ablationFolder(Path dir) throws IOException {
        Path abl = dir.resolve("abl");
        RunFixtures.write(abl, RunFixtures.completed("bp-s1", Method.BP, 1, 0.4, 0.3));
        RunFixtures.write(abl, RunFixtures.completed("bp-s2", Method.BP, 2, 0.4, 0.2));
        RunFixtures.write(abl, RunFixtures.completed("dgl-s1", Method.DGL, 1, 0.5, 0.4));
        RunFixtures.write(abl, RunFixtures.completed("dgl-s2", Method.DGL, 2, 0.5, 0.35));
        RunFixtures.write(abl, RunFixtures.completed("mlaan-broken-s1", Method.DGL_MLAAN, 1, 0.5, 0.3));
        return abl;
    }

    @Test
    void aFolderOfRunFoldersGivesEveryRunAndTheTablesFromMetrics(@TempDir Path dir) throws IOException {
        Path abl = ablationFolder(dir);
        List<Double> fractions = new ArrayList<>();
        AnalysisReport r = new ReportAssembler(null).assemble(List.of(abl),
                ReportAssembler.Options.defaults().withCheckpointAnalyses(false), (w, f) -> fractions.add(f));
        assertEquals(5, r.runs().size());
        assertEquals(0.25, r.ablation().bp().bestError().mean(), 1e-12);
        assertTrue(r.separability().isEmpty() && r.featureMaps().isEmpty());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("were not asked for")), r.notes().toString());
        assertEquals(1.0, fractions.get(fractions.size() - 1));
    }

    @Test
    void checkpointAnalysesRunOncePerMethodAgainstTheSameSeedsBpAndNoteFailures(@TempDir Path dir) throws IOException {
        Path abl = ablationFolder(dir);
        FakeAnalyses fake = new FakeAnalyses();
        List<Double> fractions = new ArrayList<>();
        AnalysisReport r = new ReportAssembler(fake).assemble(List.of(abl),
                ReportAssembler.Options.defaults().withImages(300, 200)
                        .withGeneraliseTo(new DatasetConfig("folder", "/x", null, null, null, null, null), 50),
                (w, f) -> fractions.add(f));
        assertEquals(List.of("sep bp-s1 300/300", "gen bp-s1 folder", "maps bp-s1",
                "sep dgl-s1 300/300", "cka dgl-s1 vs bp-s1 200", "gen dgl-s1 folder", "maps dgl-s1",
                "sep mlaan-broken-s1 300/300", "cka mlaan-broken-s1 vs bp-s1 200", "gen mlaan-broken-s1 folder",
                "maps mlaan-broken-s1"), fake.calls, "seed 1 (the first BP run's) for each method");
        assertEquals(2, r.separability().size());
        assertEquals(1, r.similarity().size());
        assertEquals(3, r.generalisation().size());
        assertEquals(2, r.featureMaps().size());
        assertEquals("1.0", r.featureMapUnit(), "the middle of the units both panels have (stem, 1.0, 2.0)");
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("Figure 5 (separability) of mlaan-broken-s1")
                && n.contains("no checkpoint")), r.notes().toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("Figure 6 (CKA) of mlaan-broken-s1")));
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), "progress never goes back: " + fractions);
        }
        assertEquals(1.0, fractions.get(fractions.size() - 1));
    }

    @Test
    void aGivenReferenceChoosesItsSeedAndIsTheComparison(@TempDir Path dir) throws IOException {
        Path abl = ablationFolder(dir);
        Path ref;
        try (var s = Files.list(abl)) {
            ref = s.filter(p -> p.getFileName().toString().startsWith("bp-s2")).findFirst().orElseThrow();
        }
        FakeAnalyses fake = new FakeAnalyses();
        new ReportAssembler(fake).assemble(List.of(abl), ReportAssembler.Options.defaults().withReference(ref),
                AnalysisProgress.NONE);
        assertTrue(fake.calls.contains("cka dgl-s2 vs bp-s2 500"), fake.calls.toString());
        assertTrue(fake.calls.contains("sep bp-s2 1000/1000"), fake.calls.toString());
    }

    @Test
    void withoutABpRunFigure6IsANote(@TempDir Path dir) throws IOException {
        Path run = RunFixtures.write(dir, RunFixtures.completed("dgl", Method.DGL, 1, 0.5));
        AnalysisReport r = new ReportAssembler(new FakeAnalyses()).assemble(List.of(run),
                ReportAssembler.Options.defaults(), AnalysisProgress.NONE);
        assertTrue(r.similarity().isEmpty());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("Figure 6 (CKA against BP) needs a BP run")));
        assertNull(r.ablation().bp());
    }

    @Test
    void aPathThatHoldsNoRunFolderIsBadInput(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> ReportAssembler.runDirs(List.of(dir.resolve("empty"))));
        assertTrue(e.getMessage().contains("neither a run folder"), e.getMessage());
    }

    @Test
    void theFiguresTakeEachMethodsRunAtTheBudgetTable4TakesNotAShorterOneOfTheSameSeed() {
        RunRecord bp = RunFixtures.completed("bp-s42", Method.BP, 42, 0.5, 0.4);
        RunRecord shortRun = RunFixtures.completed("mlaan-3ep-s42", Method.DGL_MLAAN, 42, 0.8, 0.7, 0.75);
        RunRecord full42 = RunFixtures.completed("mlaan-s42", Method.DGL_MLAAN, 42, 0.8, 0.7, 0.6, 0.5, 0.45, 0.4);
        RunRecord full43 = RunFixtures.completed("mlaan-s43", Method.DGL_MLAAN, 43, 0.8, 0.7, 0.6, 0.5, 0.45, 0.41);

        List<RunRecord> chosen = ReportAssembler.analysed(List.of(bp, shortRun, full42, full43), null);

        assertEquals(List.of(bp, full42), chosen);
    }
}
