package org.mlaan.lab.ui.network;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.layout.BorderPane;
import org.mlaan.lab.ui.LabViewModel;

/** The network drawn as unit tiles with its cuts, module chips and the module inspector. */
public final class NetworkPane extends BorderPane {
    public NetworkPane(LabViewModel vm) {
        setCenter(new Label("network"));
    }

    /** The Network menu: presets (paper splits, demos) and methods. */
    public List<Menu> menus() {
        return List.of();
    }
}
