package org.mlaan.lab.ui.network;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/** The space between two tiles: a click cuts there, or the tooltip says why no cut may fall here. */
final class CutGap extends StackPane {
    private final String after;

    CutGap(String after, String before, double width, double height, Optional<String> blocked, int kNow, boolean bp,
            Consumer<String> onCut) {
        this.after = after;
        setId(NetworkIds.gap(after));
        getStyleClass().add("cut-gap");
        setPrefSize(width, height);
        setMinSize(width, height);
        setMaxSize(width, height);
        String text;
        if (blocked.isPresent()) {
            getStyleClass().add("gap-blocked");
            text = blocked.get();
            setCursor(Cursor.DEFAULT);
        } else {
            Label plus = new Label("+");
            plus.getStyleClass().add("gap-plus");
            plus.setMouseTransparent(true);
            StackPane.setAlignment(plus, Pos.CENTER);
            getChildren().add(plus);
            text = bp ? "Click to draw a cut between " + after + " and " + before
                    + " (BP ignores it; a local method will use it)"
                    : "Click to cut between " + after + " and " + before + " (K " + kNow + " → " + (kNow + 1) + ")";
            setCursor(Cursor.HAND);
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                    onCut.accept(after);
                }
            });
        }
        Tooltip tip = new Tooltip(text);
        tip.setShowDelay(Duration.millis(250));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        Tooltip.install(this, tip);
    }

    /** The unit this gap follows. */
    String after() {
        return after;
    }

    void setDropTarget(boolean on) {
        if (on && !getStyleClass().contains("gap-drop-target")) {
            getStyleClass().add("gap-drop-target");
        } else if (!on) {
            getStyleClass().remove("gap-drop-target");
        }
    }
}
