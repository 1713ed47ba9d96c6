package org.mlaan.lab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The first seconds (issue 15, item 9): a frame with a line at once, the lab window in its place once built. */
@ExtendWith(ApplicationExtension.class)
class LabApplicationStartTest {
    private Stage stage;

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            if (stage != null) {
                stage.close();
            }
        });
    }

    @Test
    void theStartingLineShowsBeforeTheWindowIsBuiltAndGivesWayToIt(FxRobot robot) throws Exception {
        AtomicReference<Node> atOnce = new AtomicReference<>();
        AtomicReference<Node> windowAtOnce = new AtomicReference<>();
        robot.interact(() -> {
            stage = new Stage();
            new LabApplication().start(stage);
            // What start() leaves on screen before any frame has passed.
            atOnce.set(stage.getScene().lookup("#starting-label"));
            windowAtOnce.set(stage.getScene().lookup("#network-pane"));
        });
        assertNotNull(atOnce.get(), "the start-up line is there as soon as the window opens");
        assertTrue(((Label) atOnce.get()).getText().startsWith("Starting MLAAN Lab"));
        assertNull(windowAtOnce.get(), "the lab window comes after the first frames");
        assertTrue(stage.isShowing());
        assertEquals("MLAAN Lab", stage.getTitle());

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> stage.getScene().lookup("#network-pane") != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(stage.getScene().lookup("#starting-label"), "the line gives way to the window");
    }
}
