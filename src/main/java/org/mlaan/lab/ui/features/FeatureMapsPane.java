package org.mlaan.lab.ui.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import org.mlaan.lab.core.run.FeatureMaps;
import org.mlaan.lab.ui.common.StyleClasses;
import org.mlaan.lab.ui.model.LabViewModel;
import org.mlaan.lab.ui.model.LiveRun;

/**
 * Live feature maps of the run's fixed test images at a chosen cut (MLAAN Figure 4): one row per
 * image, its channel mean and, on demand, its three strongest channels (largest mean activation,
 * their numbers on them), each over the image. It redraws whenever the run sends new maps, and
 * exports what it shows as a PNG figure.
 */
public final class FeatureMapsPane extends BorderPane {
    private static final List<String> MEAN_ONLY = List.of("mean");
    private static final List<String> WITH_CHANNELS = List.of("mean", "top0", "top1", "top2");

    private final LabViewModel vm;
    private final LiveRun run;
    private final MapDisplayControls controls = new MapDisplayControls("");
    private final ToggleButton channelToggle = new ToggleButton("Strongest channels");
    private final FeatureGrid grid = new FeatureGrid("");
    private final FeatureGrid.Header header = grid.header("maps");
    private final Label figureTitle = header.title();
    private final Label stepLabel = header.step();
    private final Label placeholder = new Label(
            "Feature maps of a few test images appear here while a run trains:\n"
                    + "the mean over channels at the chosen cut, and its strongest channels.");
    private final Label exportStatus = new Label();
    private final ExportButton export;

    public FeatureMapsPane(LabViewModel vm, LiveRun run) {
        this.vm = vm;
        this.run = run;
        setId("feature-maps-pane");
        getStyleClass().add("features-pane");
        getStylesheets().add(FeatureMapsPane.class.getResource("features.css").toExternalForm());

        channelToggle.setId("channel-toggle");
        channelToggle.setSelected(true);
        channelToggle.setTooltip(new Tooltip("Show the three channels with the largest mean activation beside the"
                + " mean over all channels"));
        controls.drive(grid);
        grid.setId("maps-grid");


        placeholder.setId("maps-placeholder");
        placeholder.getStyleClass().add("placeholder");
        placeholder.setWrapText(true);
        setCenter(new StackPane(grid, placeholder));

        exportStatus.setId("maps-export-status");
        exportStatus.getStyleClass().add("export-status");
        exportStatus.setMaxWidth(220);
        export = new ExportButton("Export PNG", grid::picture, this::suggestedFileName, exportStatus::setText);
        export.setId("export-maps");
        export.setTooltip(new Tooltip("Write the grid as a PNG figure"));
        Label title = new Label("Feature maps");
        title.getStyleClass().add("pane-title");
        // A flow, so that the bars wrap rather than cut their labels short in a narrow pane or at
        // presentation size.
        FlowPane top = new FlowPane(12, 6, title, controls.cutGroup(), channelToggle, controls.sharedScale(),
                controls.lookGroup(), export, exportStatus);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8, 8, 4, 8));
        setTop(top);

        run.featureMapsProperty().addListener((obs, old, now) -> refresh());
        controls.cutPicker().valueProperty().addListener((obs, old, now) -> refresh());
        channelToggle.selectedProperty().addListener((obs, old, now) -> refresh());
        vm.localPlanProperty().addListener((obs, old, now) -> refresh());
        vm.presentationProperty().addListener((obs, old, on) -> applyPresentation(on));
        applyPresentation(vm.presentationProperty().get());
        refresh();
    }

    /** Replaces the export's file dialog (tests, scripts). */
    public ExportButton exportButton() {
        return export;
    }

    /** The grid of heatmaps. */
    public FeatureGrid grid() {
        return grid;
    }

    private boolean refreshing;

    /** Draws the run's latest maps at the chosen cut; cheap, since the grid reuses its cells. */
    private void refresh() {
        if (refreshing) {
            return;
        }
        refreshing = true;
        try {
            draw(run.featureMapsProperty().get());
        } finally {
            refreshing = false;
        }
    }

    private void draw(FeatureMaps maps) {
        boolean has = maps != null && !maps.images().isEmpty();
        placeholder.setVisible(!has);
        grid.setVisible(has);
        export.setDisable(!has);
        if (!has) {
            // The cut can be chosen before training: the units follow from the config's plan.
            controls.cutPicker().update(CutChoices.tappedUnits(vm.plan()), vm.localPlan());
            stepLabel.setText("");
            figureTitle.setText("");
            return;
        }
        controls.cutPicker().update(maps.units(), vm.localPlan());
        String unit = controls.cutPicker().selectedUnit();
        int u = maps.unitIndex(unit);
        if (u < 0) {
            return;
        }
        boolean channels = channelToggle.isSelected();
        List<String> keys = channels ? WITH_CHANNELS : MEAN_ONLY;
        if (!keys.equals(keysShown)) {
            keysShown = keys;
            List<Node> headers = new ArrayList<>();
            headers.add(header("mean"));
            if (channels) {
                for (int t = 0; t < FeatureMaps.TOP_CHANNELS; t++) {
                    headers.add(header("top " + (t + 1)));
                }
            }
            grid.setColumns(keys, header("input"), headers);
        }
        grid.setRowCount(maps.images().size());
        for (int r = 0; r < maps.images().size(); r++) {
            FeatureMaps.Image image = maps.images().get(r);
            FeatureMaps.UnitMap m = image.maps().get(u);
            List<FeatureGrid.MapCell> cells = new ArrayList<>();
            cells.add(new FeatureGrid.MapCell(m.channelMean(), m.height(), m.width(), m.channels() + " ch"));
            if (channels) {
                for (int t = 0; t < m.topMaps().size(); t++) {
                    cells.add(new FeatureGrid.MapCell(m.topMaps().get(t), m.height(), m.width(),
                            "ch " + m.topChannels()[t]));
                }
            }
            grid.showRow(r, image, image.className(), cells);
        }
        stepLabel.setText(stepText(maps));
        String method = vm.config() == null ? "" : vm.config().methodOrDefault().label() + " · ";
        figureTitle.setText(method + controls.cutPicker().getValue().label());
    }

    private List<String> keysShown = List.of();

    /** "step 120, epoch 2": the epoch counted from 1, as the training view shows it. */
    static String stepText(FeatureMaps maps) {
        return String.format(Locale.ROOT, "step %d, epoch %d", maps.globalStep(), maps.epoch() + 1);
    }

    static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("map-header");
        l.setWrapText(true);
        l.setAlignment(Pos.CENTER);
        l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        return l;
    }

    private String suggestedFileName() {
        FeatureMaps maps = run.featureMapsProperty().get();
        String unit = controls.cutPicker().selectedUnit();
        return "feature-maps-" + (unit == null ? "" : unit) + (maps == null ? "" : "-step" + maps.globalStep())
                + ".png";
    }

    private void applyPresentation(boolean on) {
        StyleClasses.set(this, "presentation", on);
    }
}
