package org.mlaan.lab.ui.features;

import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.mlaan.lab.ui.LabViewModel;
import org.mlaan.lab.ui.LiveRun;

/** Live feature maps of the run's fixed test images at a chosen cut (MLAAN Figure 4). */
public final class FeatureMapsPane extends BorderPane {
    public FeatureMapsPane(LabViewModel vm, LiveRun run) {
        setCenter(new Label("feature maps"));
    }
}
