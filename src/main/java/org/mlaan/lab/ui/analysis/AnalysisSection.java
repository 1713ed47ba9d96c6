package org.mlaan.lab.ui.analysis;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.mlaan.lab.analysis.RunAnalyses;
import org.mlaan.lab.ui.common.StyleClasses;

/**
 * One analysis of the tab: a line that says what it is, its settings and a Run button, a progress
 * bar with a status line (what is being done, or why it failed, naming the run), and what it
 * shows. Ids: {@code ID-run}, {@code ID-progress}, {@code ID-status}.
 */
abstract class AnalysisSection extends VBox {
    protected final AnalysisContext ctx;
    protected final String id;
    protected final FlowPane controls = new FlowPane(8, 6);
    protected final Button run;
    protected final ProgressBar bar = new ProgressBar(0);
    protected final Label status = new Label();

    AnalysisSection(AnalysisContext ctx, String id, String about, String runText) {
        this.ctx = ctx;
        this.id = id;
        setId(id + "-section");
        setSpacing(6);
        setPadding(new Insets(8));
        Label aboutLabel = new Label(about);
        aboutLabel.setWrapText(true);
        aboutLabel.getStyleClass().add("section-about");
        run = new Button(runText);
        run.setId(id + "-run");
        run.setOnAction(e -> start());
        controls.setAlignment(Pos.CENTER_LEFT);
        bar.setId(id + "-progress");
        bar.setPrefWidth(160);
        bar.setVisible(false);
        status.setId(id + "-status");
        status.setWrapText(true);
        status.getStyleClass().add("analysis-status");
        FlowPane progressRow = new FlowPane(8, 4, bar, status);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(aboutLabel, controls, progressRow);
    }

    /** Adds "label [spinner]" pairs and then the Run button to the settings line. */
    protected void controls(List<Node> nodes) {
        controls.getChildren().setAll(nodes);
        controls.getChildren().add(run);
    }

    protected static Spinner<Integer> spinner(String id, int min, int max, int value, int step, String tip) {
        Spinner<Integer> s = new Spinner<>(min, max, value, step);
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(95);
        s.setTooltip(new Tooltip(tip));
        return s;
    }

    /** Starts the analysis, or says why it cannot. */
    abstract void start();

    /**
     * The checkpoint analyses when the analysis may start: runs are loaded, nothing trains, the
     * window has the analyses; else says why and returns null.
     */
    protected RunAnalyses readyAnalyses() {
        if (!ready()) {
            return null;
        }
        RunAnalyses a = ctx.analyses();
        if (a == null) {
            problem(AnalysisContext.UNAVAILABLE);
        }
        return a;
    }

    /** True when runs are loaded and nothing trains; else says why. */
    protected boolean ready() {
        if (ctx.runs.isEmpty()) {
            problem("Open runs first (Open runs\u2026), or run an ablation.");
            return false;
        }
        return free();
    }

    /** True when nothing trains in the process; else says why. */
    protected boolean free() {
        String busy = ctx.busyReason();
        if (busy != null) {
            problem(busy);
            return false;
        }
        return true;
    }

    protected void problem(String text) {
        status.setText(text);
        StyleClasses.set(status, "problem-text", true);
    }

    /** Shows the problems of a per-run analysis (empty: clears the line). */
    protected void problems(List<String> lines) {
        if (lines.isEmpty()) {
            status.setText("");
            StyleClasses.set(status, "problem-text", false);
        } else {
            problem("Failed on " + lines.size() + " run(s): " + String.join("; ", lines));
        }
    }
}
