package org.mlaan.lab.ui.train;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.layout.BorderPane;
import org.mlaan.lab.ui.LabViewModel;
import org.mlaan.lab.ui.LiveRun;

/** Training settings, the run buttons with progress, and the live charts. */
public final class TrainingPane extends BorderPane {
    public TrainingPane(LabViewModel vm, LiveRun run) {
        setCenter(new Label("training"));
    }

    /** The File menu: open and save experiment files, reopen a run folder. */
    public List<Menu> fileMenus() {
        return List.of();
    }

    /** Starts training the current config and pauses after {@code steps} steps. */
    public void trainForSteps(int steps) {
    }
}
