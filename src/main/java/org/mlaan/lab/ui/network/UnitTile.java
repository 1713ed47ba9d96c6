package org.mlaan.lab.ui.network;

import java.text.NumberFormat;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.mlaan.lab.core.plan.Unit;
import org.mlaan.lab.core.plan.UnitKind;
import org.mlaan.lab.core.io.ByteCounts;

/** One unit of the backbone (stem, block {@code s.b} or head): its name and output shape, costs on hover. */
final class UnitTile extends StackPane {
    UnitTile(Unit unit, double width, double height, Color moduleColor) {
        setId(NetworkIds.tile(unit.name()));
        getStyleClass().addAll("unit-tile", "tile-" + unit.kind().name().toLowerCase(Locale.ROOT));
        setPrefSize(width, height);
        setMinSize(width, height);
        setMaxSize(width, height);

        Label name = new Label(unit.name());
        name.getStyleClass().add("tile-name");
        Label shape = new Label(shapeText(unit));
        shape.getStyleClass().add("tile-shape");
        VBox text = new VBox(0, name, shape);
        text.setAlignment(Pos.CENTER);
        text.setMouseTransparent(true);

        // The module's colour as a bar along the bottom edge: membership at a glance.
        Region bar = new Region();
        bar.getStyleClass().add("tile-bar");
        bar.setMaxHeight(4);
        bar.setMinHeight(4);
        bar.setStyle("-fx-background-color: " + web(moduleColor) + ";");
        bar.setMouseTransparent(true);
        StackPane.setAlignment(bar, Pos.BOTTOM_CENTER);
        getChildren().addAll(text, bar);

        Tooltip tip = new Tooltip(details(unit));
        tip.setShowDelay(Duration.millis(250));
        Tooltip.install(this, tip);
    }

    /** Marks the tile as copied by the selected module's leap aux (outlined in the module's colour). */
    void markLeapTarget(Color moduleColor, boolean emaTwin, boolean wrong) {
        getStyleClass().add(wrong ? "leap-target-wrong" : "leap-target");
        if (!wrong) {
            setStyle("-fx-border-color: " + web(moduleColor) + "; -fx-background-color: "
                    + web(moduleColor.deriveColor(0, 0.45, 1.25, 1).interpolate(Color.WHITE, 0.72)) + ";");
        }
        if (emaTwin) {
            getStyleClass().add("ema-twin");
        }
    }

    /** What the tile says under its name: the output shape, or the class count for the head. */
    static String shapeText(Unit u) {
        return u.kind() == UnitKind.HEAD ? u.out().channels() + " cls" : u.out().toString();
    }

    static String details(Unit u) {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.ROOT);
        String what = switch (u.kind()) {
            case STEM -> "stem";
            case HEAD -> "head (global pool + classifier)";
            case BLOCK -> "residual block, stage " + u.stage() + (u.projection() ? ", projection shortcut" : "");
        };
        return u.name() + " · " + what
                + "\nin " + u.in() + "  →  out " + u.out()
                + "\nparameters " + n.format(u.params())
                + "\nmultiply-adds " + n.format(u.macs()) + " per sample"
                + "\nactivation memory " + ByteCounts.format(u.activationBytes()) + " per sample";
    }

    static String web(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }
}
