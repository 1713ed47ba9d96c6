package org.mlaan.lab.ui.features;

import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The controls of how maps are drawn, shared by the live maps and the comparison: the cut, one
 * colour scale per row, the maps' opacity over their images and the colormap, as small groups
 * that a flow can wrap one by one. Ids start with the given prefix ({@code <prefix>cut-picker},
 * {@code <prefix>shared-scale}, {@code <prefix>map-opacity}, {@code <prefix>colormap}).
 */
public final class MapDisplayControls {
    /** The maps' opacity over their images at first: the map reads clearly, the picture still shows. */
    public static final double DEFAULT_OPACITY = 0.7;

    private final CutPicker cutPicker = new CutPicker();
    private final CheckBox sharedScale = new CheckBox("Shared scale");
    private final Slider opacity = new Slider(0, 1, DEFAULT_OPACITY);
    private final ComboBox<Colormap> colormap = new ComboBox<>();
    private final HBox cutGroup;
    private final HBox lookGroup;

    public MapDisplayControls(String idPrefix) {
        cutPicker.setId(idPrefix + "cut-picker");
        cutPicker.setTooltip(new Tooltip("The unit whose output the maps show; cuts between modules are marked"));
        sharedScale.setId(idPrefix + "shared-scale");
        sharedScale.setTooltip(new Tooltip("One colour scale for all maps of an image (a row), so that their"
                + " strengths compare; off, each map spans the whole colormap"));
        opacity.setId(idPrefix + "map-opacity");
        opacity.setPrefWidth(80);
        opacity.setTooltip(new Tooltip("How strongly the maps cover their images"));
        colormap.setId(idPrefix + "colormap");
        colormap.getItems().setAll(Colormap.values());
        colormap.setValue(Colormap.VIRIDIS);
        colormap.setTooltip(new Tooltip("Colormap: dark is low, bright is high"));
        Label cut = new Label("Cut");
        cut.setLabelFor(cutPicker);
        Label op = new Label("Opacity");
        op.setLabelFor(opacity);
        cutGroup = new HBox(8, cut, cutPicker);
        cutGroup.setAlignment(Pos.CENTER_LEFT);
        lookGroup = new HBox(6, op, opacity, colormap);
        lookGroup.setAlignment(Pos.CENTER_LEFT);
    }

    /** Binds {@code grid}'s drawing to these controls. */
    public void drive(FeatureGrid grid) {
        grid.mapOpacityProperty().bind(opacity.valueProperty());
        grid.colormapProperty().bind(colormap.valueProperty());
        sharedScale.selectedProperty().addListener((obs, old, on) -> grid.setSharedRowScale(on));
        grid.setSharedRowScale(sharedScale.isSelected());
    }

    /** The cut picker with its label. */
    public HBox cutGroup() {
        return cutGroup;
    }

    /** Opacity and colormap. */
    public HBox lookGroup() {
        return lookGroup;
    }

    public CutPicker cutPicker() {
        return cutPicker;
    }

    public CheckBox sharedScale() {
        return sharedScale;
    }

    public Slider opacity() {
        return opacity;
    }
}
