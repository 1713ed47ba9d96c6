package org.mlaan.lab.ui.features;

import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/**
 * The controls of how maps are drawn, shared by the live maps and the comparison: the cut, one
 * colour scale per row, the maps' opacity over their images and the colormap. Ids start with the
 * given prefix ({@code <prefix>cut-picker}, {@code <prefix>shared-scale}, {@code <prefix>map-opacity},
 * {@code <prefix>colormap}).
 */
public final class MapDisplayControls extends FlowPane {
    private final CutPicker cutPicker = new CutPicker();
    private final CheckBox sharedScale = new CheckBox("Shared scale per row");
    private final Slider opacity = new Slider(0, 1, 0.6);
    private final ComboBox<Colormap> colormap = new ComboBox<>();

    public MapDisplayControls(String idPrefix) {
        super(10, 6);
        getStyleClass().add("map-controls");
        setAlignment(Pos.CENTER_LEFT);
        cutPicker.setId(idPrefix + "cut-picker");
        cutPicker.setTooltip(new Tooltip("The unit whose output the maps show; cuts between modules are marked"));
        sharedScale.setId(idPrefix + "shared-scale");
        sharedScale.setTooltip(new Tooltip("One colour scale for all maps of an image, so their strengths compare;"
                + " off, each map spans the whole colormap"));
        opacity.setId(idPrefix + "map-opacity");
        opacity.setPrefWidth(90);
        opacity.setTooltip(new Tooltip("How strongly the maps cover their images"));
        colormap.setId(idPrefix + "colormap");
        colormap.getItems().setAll(Colormap.values());
        colormap.setValue(Colormap.VIRIDIS);
        Label cut = new Label("Cut");
        cut.setLabelFor(cutPicker);
        Label op = new Label("Opacity");
        op.setLabelFor(opacity);
        getChildren().addAll(cut, cutPicker, sharedScale, op, opacity, colormap);
    }

    /** Binds {@code grid}'s drawing to these controls. */
    public void drive(FeatureGrid grid) {
        grid.mapOpacityProperty().bind(opacity.valueProperty());
        grid.colormapProperty().bind(colormap.valueProperty());
        sharedScale.selectedProperty().addListener((obs, old, on) -> grid.setSharedRowScale(on));
        grid.setSharedRowScale(sharedScale.isSelected());
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
