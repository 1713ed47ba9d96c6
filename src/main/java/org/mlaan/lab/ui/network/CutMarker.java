package org.mlaan.lab.ui.network;

import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/** A cut between two modules: click to remove it, drag it along the row to another gap to move it. */
final class CutMarker extends StackPane {
    /** What a marker asks of the strip it sits on. */
    interface Host {
        /** The gap nearest to {@code x} (strip coordinates) that the cut after {@code from} may move to, or null. */
        String dropTargetNear(double x, String from);

        /** Highlights the gap after {@code after} as the drop target (null: none). */
        void showDropTarget(String after);

        void removeCut(String after);

        void moveCut(String from, String to);
    }

    // A press that moves less than this is a click (a hand is never perfectly still).
    private static final double DRAG_THRESHOLD = 4;

    private final String after;
    private double pressX;
    private boolean dragging;
    private String target;

    CutMarker(String after, double width, double height, boolean ignored, Host host) {
        this.after = after;
        setId(NetworkIds.cut(after));
        getStyleClass().add("cut-marker");
        if (ignored) {
            getStyleClass().add("cut-ignored");
        }
        setPrefSize(width, height);
        setMinSize(width, height);
        setMaxSize(width, height);
        setPickOnBounds(true);
        setCursor(Cursor.H_RESIZE);

        Region line = new Region();
        line.getStyleClass().add("cut-line");
        line.setMaxHeight(Double.MAX_VALUE);
        Region handle = new Region();
        handle.getStyleClass().add("cut-handle");
        StackPane.setAlignment(handle, Pos.TOP_CENTER);
        getChildren().addAll(line, handle);

        Tooltip tip = new Tooltip("Cut after " + after + (ignored ? " (BP ignores cuts; kept for a local method)" : "")
                + "\nClick to remove it, drag it to another gap to move it.");
        tip.setShowDelay(Duration.millis(250));
        Tooltip.install(this, tip);

        setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                pressX = e.getSceneX();
                dragging = false;
                target = null;
                e.consume();
            }
        });
        setOnMouseDragged(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            double dx = e.getSceneX() - pressX;
            if (!dragging && Math.abs(dx) < DRAG_THRESHOLD) {
                return;
            }
            dragging = true;
            getStyleClass().add("dragging");
            setTranslateX(dx);
            Point2D inStrip = getParent().sceneToLocal(e.getSceneX(), e.getSceneY());
            target = host.dropTargetNear(inStrip.getX(), after);
            host.showDropTarget(target);
            e.consume();
        });
        setOnMouseReleased(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            e.consume();
            boolean wasDrag = dragging;
            dragging = false;
            setTranslateX(0);
            getStyleClass().remove("dragging");
            host.showDropTarget(null);
            if (!wasDrag) {
                host.removeCut(after);
            } else if (target != null && !target.equals(after)) {
                host.moveCut(after, target);
            }
        });
    }
}
