package org.mlaan.lab.ui.network;

import java.util.List;
import javafx.scene.Group;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Text;

/**
 * The leap auxiliaries drawn over the tiles: an arc from a module's output to every later block its
 * leap stack copies. The selected module's arcs are strong, with the EMA-twinned blocks labelled;
 * the other modules' arcs are faint. Clicks pass through to the tiles.
 */
final class LeapArcs extends Pane {
    /**
     * One arc.
     *
     * @param module the module whose leap stack it belongs to
     * @param block the copied block
     * @param fromX where the module's output leaves (strip x)
     * @param toX the centre of the block's tile
     * @param selected whether the module is the selected one
     * @param emaTwin whether the copy has an EMA twin
     * @param wrong whether the block cannot be leapt to from here (at or before the module)
     */
    record Arc(int module, String block, double fromX, double toX, boolean selected, boolean emaTwin, boolean wrong) {}

    LeapArcs() {
        getStyleClass().add("leap-arcs");
        setMouseTransparent(true);
        setPickOnBounds(false);
    }

    /** Draws {@code arcs} rising from {@code baseY} (the tiles' top) at most {@code maxHeight} high. */
    void draw(List<Arc> arcs, double baseY, double maxHeight) {
        getChildren().clear();
        // Faint arcs first, so the selected module's lie on top.
        arcs.stream().filter(a -> !a.selected()).forEach(a -> getChildren().add(curve(a, baseY, maxHeight)));
        arcs.stream().filter(Arc::selected).forEach(a -> getChildren().add(withHead(a, baseY, maxHeight)));
    }

    private static CubicCurve curve(Arc a, double baseY, double maxHeight) {
        double d = Math.abs(a.toX() - a.fromX());
        double h = Math.min(maxHeight, 12 + 0.28 * d);
        double dir = Math.signum(a.toX() - a.fromX());
        double lean = Math.min(36, d / 4);
        CubicCurve c = new CubicCurve(a.fromX(), baseY, a.fromX() + dir * lean, baseY - h * 1.3,
                a.toX() - dir * lean, baseY - h * 1.3, a.toX(), baseY);
        c.setId(NetworkIds.arc(a.module(), a.block()));
        c.setFill(null);
        Color color = a.wrong() ? Color.web("#b3261e") : ModuleColors.colorOf(a.module());
        c.setStroke(color);
        c.getStyleClass().addAll("leap-arc", a.selected() ? "leap-arc-selected" : "leap-arc-faint");
        if (a.wrong()) {
            c.getStyleClass().add("leap-arc-wrong");
            c.getStrokeDashArray().setAll(5.0, 4.0);
        }
        return c;
    }

    private static Group withHead(Arc a, double baseY, double maxHeight) {
        CubicCurve c = curve(a, baseY, maxHeight);
        Polygon head = new Polygon(a.toX() - 4.5, baseY - 8, a.toX() + 4.5, baseY - 8, a.toX(), baseY - 1);
        head.setFill(c.getStroke());
        head.getStyleClass().add("leap-arrow");
        Group g = new Group(c, head);
        if (a.emaTwin()) {
            Text ema = new Text(a.toX() + 6, baseY - 4, "EMA");
            ema.getStyleClass().add("ema-label");
            ema.setFill(c.getStroke());
            g.getChildren().add(ema);
        }
        return g;
    }
}
