package org.mlaan.lab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.mlaan.lab.analysis.AnalysisProgress;
import org.mlaan.lab.analysis.CheckpointAnalyses;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.run.RunRecord;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * What {@code separability}, {@code similarity} and {@code generalise} share: the device and
 * JSON options, and running one analysis over every run folder with a progress line, then
 * printing a table or the result records as JSON.
 */
final class AnalysisOptions {
    @Option(names = "--device", defaultValue = "cpu", description = "cpu | gpu | gpu:N | auto (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--json", description = "print the result records as JSON")
    boolean json;

    /** One analysis of one run. */
    @FunctionalInterface
    interface Analysis<T> {
        T of(CheckpointAnalyses analyses, RunRecord run, AnalysisProgress progress) throws IOException;
    }

    /** Runs {@code analysis} on each run in turn and prints {@code table} of the results, or their JSON. */
    <T> void runAndPrint(CommandSpec spec, List<RunRecord> runs, Analysis<T> analysis,
            Function<List<T>, String> table) throws IOException {
        PrintWriter console = spec.commandLine().getOut();
        // With --json the progress goes to standard error, so standard output stays JSON.
        AnalysisProgressLine progress = new AnalysisProgressLine(json ? spec.commandLine().getErr() : console,
                System.console() != null);
        CheckpointAnalyses analyses = new CheckpointAnalyses(device);
        List<T> results = new ArrayList<>();
        for (RunRecord r : runs) {
            results.add(analysis.of(analyses, r, progress));
            progress.end();
        }
        if (json) {
            console.println(ConfigFiles.mapper().writeValueAsString(results));
        } else {
            console.print(table.apply(results));
        }
    }
}
