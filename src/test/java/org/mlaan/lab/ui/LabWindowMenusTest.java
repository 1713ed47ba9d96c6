package org.mlaan.lab.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlaan.lab.ui.model.LabViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The File menu ends with Quit, which closes the window as its close button does (issue 15, item 9). */
@ExtendWith(ApplicationExtension.class)
class LabWindowMenusTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        LabWindow window = new LabWindow(new LabViewModel(LabViewModel.startingConfig()));
        Scene scene = new Scene(window, 1280, 720);
        window.attachStylesheets(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void fileQuitClosesTheWindow(FxRobot robot) {
        assertTrue(stage.isShowing());
        robot.clickOn(robot.lookup(".menu-bar .menu").match((Node n) -> n instanceof javafx.scene.control.Labeled l
                && "File".equals(l.getText())).queryAs(Node.class));
        robot.clickOn(robot.lookup((Node n) -> n instanceof javafx.scene.control.Labeled l && "Quit".equals(l.getText())
                && n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing())
                .queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isShowing(), "the window closed");
    }
}
