package org.mlaan.lab.ui.network;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * The notation of the network strip in one line under it (issue 15, item 7): what E0..E3, the
 * chips and the arcs mean, and that modules count from 0 (E0 is the first of K) while epochs and
 * steps count from 1.
 */
final class StripLegend extends FlowPane {
    StripLegend() {
        super(14, 2);
        setId("network-legend");
        getStyleClass().add("network-legend");
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(
                item(null, "E0, E1, \u2026: modules, counted from 0 (E0 is module 1 of K)"),
                item(chip("probe", "chip-head"), "the module's own head (independent loss)"),
                item(chip("w=2", "chip-window"), "cascaded window over 2 modules (MLM)"),
                item(chip("leap 4 \u00b7 EMA", "chip-leap"), "leap stack of 4 later blocks, the first with an EMA"
                        + " twin (LAM)"),
                item(null, "arcs: a module's leap blocks (bold when selected)"));
        Tooltip.install(this, new Tooltip("Hover a chip for its settings; click a module's band for its inspector."));
    }

    private static Label chip(String text, String kind) {
        Label l = new Label(text);
        l.getStyleClass().addAll("role-chip", kind);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private static HBox item(Label sample, String text) {
        Label words = new Label(text);
        words.getStyleClass().add("legend-text");
        words.setMinWidth(Label.USE_PREF_SIZE);
        HBox box = sample == null ? new HBox(words) : new HBox(5, sample, words);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
