package org.mlaan.lab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.analysis.RunFixtures;
import org.mlaan.lab.analysis.result.AblationCell;
import org.mlaan.lab.analysis.result.AnalysisReport;
import org.mlaan.lab.analysis.result.GeneralisationRow;
import org.mlaan.lab.analysis.result.MemoryRow;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.run.RunRecord;

class ReportCsvTest {

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(Path file) throws Exception {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (c == '\n') {
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                f.append(c);
            }
        }
        return rows;
    }

    private static String col(List<List<String>> t, int row, String name) {
        return t.get(row).get(t.get(0).indexOf(name));
    }

    @Test
    void theTablesGoBesideThePageInAFolderNamedAfterIt() {
        assertEquals(Path.of("out", "abl-csv"), ReportCsv.folderFor(Path.of("out", "abl.html")));
    }

    @Test
    void everyTableRoundTripsItsValues(@TempDir Path dir) throws Exception {
        AnalysisReport r = ReportFixtures.full();
        List<Path> files = ReportCsv.write(r, dir);
        assertEquals(List.of("runs.csv", "ablation.csv", "ablation-seeds.csv", "epoch-budgets.csv",
                "separability.csv", "similarity-pairs-dgl-s1.csv", "similarity-pairs-mlaan___s1_.csv", "similarity.csv",
                "memory.csv", "generalisation.csv"),
                files.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList()));
        try (var left = Files.list(dir)) {
            assertEquals(files.size(), left.count(), "no temporary files left behind");
        }

        var runs = parse(dir.resolve("runs.csv"));
        assertEquals(5, runs.size());
        assertEquals("dgl-s2", col(runs, 3, "run"), "the folder's name");
        assertEquals(ReportFixtures.EVIL, col(runs, 3, "name"), "the config's name, quoted as it holds a comma and quotes");
        assertEquals(0.36, Double.parseDouble(col(runs, 3, "best_top1_err")));
        assertEquals("3", col(runs, 3, "epochs_done"));

        var ablation = parse(dir.resolve("ablation.csv"));
        AblationCell dgl = r.ablation().cell(false, false).orElseThrow();
        assertEquals("DGL", col(ablation, 2, "method"));
        assertEquals(dgl.bestError().mean(), Double.parseDouble(col(ablation, 2, "best_top1_err_mean")));
        assertEquals(dgl.finalError().std(), Double.parseDouble(col(ablation, 2, "final_top1_err_std")));
        var seeds = parse(dir.resolve("ablation-seeds.csv"));
        assertEquals(1 + 1 + 2 + 1, seeds.size(), "header, BP, two DGL seeds, DGL+MLAAN");

        var budgets = parse(dir.resolve("epoch-budgets.csv"));
        assertEquals(r.epochBudgets().size() + 1, budgets.size());
        assertEquals("DGL+MLAAN", col(budgets, budgets.size() - 1, "method"));
        assertEquals("2", col(budgets, budgets.size() - 1, "epochs"));

        var sep = parse(dir.resolve("separability.csv"));
        assertEquals(7, sep.size(), "3 modules x 2 runs");
        assertEquals(0.7, Double.parseDouble(col(sep, 6, "test_accuracy")));

        var sim = parse(dir.resolve("similarity.csv"));
        assertEquals("mlaan, \"s1\"", col(sim, 4, "run"), "a quoted field with a comma and quotes");
        var pairs = parse(dir.resolve("similarity-pairs-dgl-s1.csv"));
        assertEquals(List.of("run_unit \\ reference_unit", "1.2", "2.2", "3.2"), pairs.get(0));
        assertEquals(0.4, Double.parseDouble(pairs.get(2).get(1)), "allPairs[1][0]");

        var mem = parse(dir.resolve("memory.csv"));
        assertEquals(String.valueOf(100L << 20), col(mem, 2, "live_bytes"));
        assertEquals("-1", col(mem, 2, "device_bytes"));

        var gen = parse(dir.resolve("generalisation.csv"));
        assertEquals(0.55, Double.parseDouble(col(gen, 1, "evaluated_on_top1_err")));
    }

    @Test
    void namesThatASpreadsheetWouldRunAsFormulasGetALeadingQuoteAndNumbersStayNumbers(@TempDir Path dir)
            throws Exception {
        RunRecord run = RunFixtures.completed("@SUM(1)", Method.DGL, 1, 0.5, 0.35);
        run = new RunRecord(run.dir(), run.config().withName("=HYPERLINK(\"http://x\")"), run.status(), run.steps(),
                run.epochs());
        AnalysisReport r = new AnalysisReport("t", Instant.parse("2026-01-02T03:04:05Z"), List.of(run), null,
                List.of(), List.of(), List.of(),
                List.of(new MemoryRow("-DGL", "resnet32", "+k2", 64, "cpu", 1L << 20, 2L << 20, -1)),
                List.of(new GeneralisationRow("@SUM(1)", Method.DGL, "builtin", "=cmd|' /C calc'!A0", 0.3, 0.5, 10)),
                List.of(), null, List.of());
        ReportCsv.write(r, dir);

        String runs = Files.readString(dir.resolve("runs.csv"), StandardCharsets.UTF_8);
        assertTrue(runs.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","), runs);
        var table = parse(dir.resolve("runs.csv"));
        assertEquals("'@SUM(1)", col(table, 1, "run"));
        assertEquals("'=HYPERLINK(\"http://x\")", col(table, 1, "name"));

        var mem = parse(dir.resolve("memory.csv"));
        assertEquals("'-DGL", col(mem, 1, "method"));
        assertEquals("'+k2", col(mem, 1, "split"));
        assertEquals("-1", col(mem, 1, "device_bytes"), "a negative number is a number, not a formula");

        var gen = parse(dir.resolve("generalisation.csv"));
        assertEquals("'@SUM(1)", col(gen, 1, "run"));
        assertEquals("'=cmd|' /C calc'!A0", col(gen, 1, "evaluated_on"));
    }

    @Test
    void aNegativeNumberIsWrittenAsANumber() {
        assertEquals("-0.5", ReportCsv.field(-0.5));
        assertEquals("-1", ReportCsv.field(-1L));
        assertEquals("-3", ReportCsv.field(-3));
        assertEquals("'-0.5", ReportCsv.field("-0.5"), "text that starts with '-' is text");
    }

    @Test
    void aValueNeverMeasuredIsAnEmptyField() {
        assertEquals("", ReportCsv.field(Double.NaN));
        assertEquals("0.25", ReportCsv.field(0.25));
        assertTrue(ReportCsv.field("a\nb").startsWith("\""));
    }
}
