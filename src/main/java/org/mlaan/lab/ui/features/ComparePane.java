package org.mlaan.lab.ui.features;

import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.mlaan.lab.ui.LabViewModel;

/** Up to four runs trained side by side, step by step in turn, with their feature maps at the same step. */
public final class ComparePane extends BorderPane {
    public ComparePane(LabViewModel vm) {
        setCenter(new Label("compare"));
    }
}
