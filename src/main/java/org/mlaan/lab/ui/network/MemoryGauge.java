package org.mlaan.lab.ui.network;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.mlaan.lab.core.local.ActivationEstimate;
import org.mlaan.lab.core.local.LeanestSplit;
import org.mlaan.lab.core.io.ByteCounts;

/**
 * The split's estimated peak activation memory against backprop's: two bars and a line of text,
 * and a link to a split with as many modules that would keep less, or back to the drawn one.
 */
final class MemoryGauge extends HBox {
    private final Label text = new Label();
    private final Hyperlink leaner = new Hyperlink();
    private final Region localBar = new Region();
    private final Region bpBar = new Region();
    private final StackPane localTrack = track(localBar);
    private final StackPane bpTrack = track(bpBar);
    private double barWidth = 150;

    MemoryGauge() {
        super(10);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("memory-gauge");
        text.setId("memory-label");
        text.getStyleClass().add("memory-label");
        // Short, and the split label beside it gives way first (the strip shows the cuts too).
        text.setMinWidth(0);
        localBar.setId("memory-bar-local");
        localBar.getStyleClass().addAll("memory-bar", "memory-bar-local");
        bpBar.setId("memory-bar-bp");
        bpBar.getStyleClass().addAll("memory-bar", "memory-bar-bp");
        GridPane bars = new GridPane();
        bars.setHgap(6);
        bars.setVgap(3);
        Label local = new Label("local");
        local.getStyleClass().add("memory-bar-label");
        Label bp = new Label("BP");
        bp.getStyleClass().add("memory-bar-label");
        local.setMinWidth(Region.USE_PREF_SIZE);
        bp.setMinWidth(Region.USE_PREF_SIZE);
        bars.setMinWidth(Region.USE_PREF_SIZE);
        text.setTooltip(new Tooltip());
        bars.addRow(0, local, localTrack);
        bars.addRow(1, bp, bpTrack);
        bars.setAlignment(Pos.CENTER_LEFT);
        leaner.setId("memory-leaner");
        leaner.getStyleClass().add("memory-leaner");
        leaner.setMinWidth(Region.USE_PREF_SIZE);
        leaner.setTooltip(new Tooltip());
        leaner.managedProperty().bind(leaner.visibleProperty());
        leaner.setVisible(false);
        getChildren().addAll(bars, text, leaner);
        Tooltip.install(this, new Tooltip("Peak activation memory of one training step, estimated from the plan"
                + " (ALGORITHMS.md Part A.6): local learning keeps one window of modules and its leap stack alive,"
                + " backprop keeps every layer's output. The lab measures the real figure while training."));
    }

    private static StackPane track(Region bar) {
        StackPane t = new StackPane(bar);
        t.getStyleClass().add("memory-track");
        t.setAlignment(Pos.CENTER_LEFT);
        return t;
    }

    /** Larger bars for presentation mode. */
    void setBarWidth(double width, double height) {
        barWidth = width;
        for (StackPane t : new StackPane[] {localTrack, bpTrack}) {
            t.setPrefSize(width, height);
            t.setMinSize(width, height);
            t.setMaxSize(width, height);
        }
        localBar.setMaxHeight(height);
        bpBar.setMaxHeight(height);
    }

    /** Shows {@code e} for a batch of {@code batch}; {@code bp} when the method is backprop, null e while invalid. */
    void show(ActivationEstimate e, boolean bp, int batch) {
        if (e == null) {
            text.setText("memory estimate: fix the problems below first");
            text.getTooltip().setText(text.getText());
            setBar(localBar, 0);
            setBar(bpBar, 0);
            return;
        }
        setBar(bpBar, 1);
        setBar(localBar, e.ratio());
        if (bp) {
            text.setText(String.format(Locale.ROOT, "BP: %s", ByteCounts.format(e.backpropBytes())));
            text.getTooltip().setText(String.format(Locale.ROOT, "BP keeps every activation: %s at batch %d",
                    ByteCounts.format(e.backpropBytes()), batch));
        } else {
            text.setText(String.format(Locale.ROOT, "%.0f%% of BP (%s)", 100 * e.ratio(),
                    ByteCounts.format(e.localBytes())));
            StringBuilder perModule = new StringBuilder();
            for (int i = 0; i < e.moduleBytes().length; i++) {
                perModule.append(String.format(Locale.ROOT, "%nE%d: %s (%.0f%% of BP)", i,
                        ByteCounts.format(e.moduleBytes(i)), 100.0 * e.moduleBytes(i) / e.backpropBytes()));
            }
            text.getTooltip().setText(String.format(Locale.ROOT, "Peak activations of a step: %s with local"
                    + " learning (the peak is in module E%d) against %s with BP, %.0f%% of it, at batch %d."
                    + " Each module's window and leap stack:%s", ByteCounts.format(e.localBytes()), e.peakModule(),
                    ByteCounts.format(e.backpropBytes()), 100 * e.ratio(), batch, perModule));
        }
    }

    String text() {
        return text.getText();
    }

    /**
     * Offers {@code p} (a split with as many modules and a lower peak; null hides the link) against
     * {@code now}, the drawn split's estimate; a click runs {@code use}.
     */
    void offer(LeanestSplit.Proposal p, ActivationEstimate now, int batch, Runnable use) {
        leaner.setVisible(p != null && now != null);
        if (!leaner.isVisible()) {
            return;
        }
        ActivationEstimate e = p.estimate();
        leaner.setText(String.format(Locale.ROOT, "leaner split: %.0f%%", 100 * e.ratio()));
        leaner.getTooltip().setText(String.format(Locale.ROOT, "The same %d modules with cuts after %s would keep"
                + " %s of activations at their peak (module E%d), %.0f%% of BP, against %s (%.0f%%) with the cuts"
                + " drawn now, at batch %d. The estimate decides: the largest module, then the evenness of the"
                + " rest. Click to use these cuts; the link then leads back.", e.moduleBytes().length,
                String.join(", ", p.cuts()), ByteCounts.format(e.localBytes()), e.peakModule(), 100 * e.ratio(),
                ByteCounts.format(now.localBytes()), 100 * now.ratio(), batch));
        leaner.setOnAction(a -> use.run());
    }

    /** Offers the way back to the split drawn before a leaner one was taken; a click runs {@code back}. */
    void offerBack(ActivationEstimate before, Runnable back) {
        leaner.setVisible(true);
        leaner.setText("back to your cuts");
        leaner.getTooltip().setText(String.format(Locale.ROOT, "The cuts drawn before the leaner split:"
                + " %.0f%% of BP (%s).", 100 * before.ratio(), ByteCounts.format(before.localBytes())));
        leaner.setOnAction(a -> back.run());
    }

    /** The leaner-split link's text, or empty when it is hidden (tests). */
    String offerText() {
        return leaner.isVisible() ? leaner.getText() : "";
    }

    /** The label's tooltip: the whole figure, module by module (tests). */
    String details() {
        return text.getTooltip().getText();
    }

    private void setBar(Region bar, double fraction) {
        double w = Math.max(0, Math.min(1, fraction)) * barWidth;
        bar.setPrefWidth(w);
        bar.setMinWidth(w);
        bar.setMaxWidth(w);
    }
}
