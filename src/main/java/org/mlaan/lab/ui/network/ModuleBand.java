package org.mlaan.lab.ui.network;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import org.mlaan.lab.core.local.ModulePlan;
import org.mlaan.lab.core.split.ModuleSpan;

/** One module under its tiles, in its colour, with its role chips; red with the message where it is wrong. */
final class ModuleBand extends VBox {
    private final String problemText;

    ModuleBand(ModuleSpan span, ModulePlan roles, boolean last, boolean bp, double width, double height,
            boolean compact, boolean selected, List<String> problems) {
        this.problemText = String.join("\n", problems);
        setId(bp ? "module-bp" : NetworkIds.module(span.index()));
        getStyleClass().add("module-band");
        setPrefSize(width, height);
        setMinSize(width, height);
        setMaxSize(width, height);
        // Narrow modules (one block each on the long presets) pack their chips tighter.
        double side = compact ? 3 : 5;
        setPadding(new Insets(3, side, 3, side));
        setSpacing(compact ? 2 : 3);
        if (compact) {
            getStyleClass().add("module-compact");
        }
        Color c = bp ? ModuleColors.NEUTRAL : ModuleColors.colorOf(span.index());
        String border = UnitTile.web(c);
        String fill = UnitTile.web(c.interpolate(Color.WHITE, selected ? 0.66 : 0.84));
        setStyle("-fx-background-color: " + fill + "; -fx-border-color: " + border + ";");
        if (selected) {
            getStyleClass().add("module-selected");
        }
        if (!problems.isEmpty()) {
            getStyleClass().add("module-invalid");
        }
        // Chips that do not fit stay inside the band; the tooltip lists every role.
        Rectangle clip = new Rectangle(width, height);
        setClip(clip);

        String range = span.first() == span.last() ? span.firstName() : span.firstName() + "–" + span.lastName();
        Label title = new Label(bp ? "one module: end-to-end backprop" : "E" + span.index()
                + (compact ? "" : "  " + range));
        title.getStyleClass().add("module-title");
        title.setMinWidth(0);
        HBox head = new HBox(4, title);
        head.setAlignment(Pos.CENTER_LEFT);
        if (!problems.isEmpty()) {
            Label badge = new Label("!");
            badge.getStyleClass().add("problem-badge");
            badge.setMinWidth(Region.USE_PREF_SIZE);
            head.getChildren().add(0, badge);
        }
        FlowPane chips = new FlowPane(compact ? 2 : 3, compact ? 2 : 3);
        chips.getStyleClass().add("module-chips");
        if (roles != null && !bp) {
            chips.getChildren().addAll(ModuleChips.of(roles, last, compact));
        }
        VBox.setVgrow(chips, Priority.ALWAYS);
        chips.setPrefWrapLength(width - 2 * side);
        getChildren().addAll(head, chips);

        StringBuilder tip = new StringBuilder();
        if (bp) {
            tip.append("BP trains the whole network end to end: one module, one loss.");
        } else {
            tip.append("Module E").append(span.index()).append(": ").append(range).append(" (")
                    .append(span.unitCount()).append(span.unitCount() == 1 ? " unit" : " units").append(")");
            if (roles != null) {
                for (Label chip : ModuleChips.of(roles, last, false)) {
                    tip.append("\n• ").append(chip.getTooltip().getText());
                }
            }
            tip.append("\nClick to select it and edit its auxiliaries.");
        }
        if (!problems.isEmpty()) {
            tip.append("\n\nProblem:\n").append(problemText);
        }
        Tooltip t = new Tooltip(tip.toString());
        t.setShowDelay(Duration.millis(250));
        t.setWrapText(true);
        t.setMaxWidth(520);
        Tooltip.install(this, t);
    }

    /** The problems that name this module, one per line; empty when it is fine. */
    String problemText() {
        return problemText;
    }
}
