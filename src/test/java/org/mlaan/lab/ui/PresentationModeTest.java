package org.mlaan.lab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.SplitPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlaan.lab.ui.model.LabViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presentation mode (F5) gives the charts and maps the room: the settings column and the inspector
 * fold away, the charts grow, no label of the network header or the window's tabs is cut, and
 * toggling twice gives the same layout back (issue 15, item 6). At both projector sizes.
 */
@ExtendWith(ApplicationExtension.class)
class PresentationModeTest {

    @org.testfx.framework.junit5.Start
    void start(Stage primary) {
        // Each case opens its own window at its own size.
    }

    private static Stage open(FxRobot robot, int width, int height) throws Exception {
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            LabWindow window = new LabWindow(new LabViewModel(LabViewModel.startingConfig()));
            Scene scene = new Scene(window, width, height);
            window.attachStylesheets(scene);
            stage[0] = new Stage();
            stage[0].setScene(scene);
            stage[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return stage[0];
    }

    private static double[] dividers(Stage stage) {
        List<Double> out = new ArrayList<>();
        collect(stage.getScene().getRoot(), SplitPane.class).forEach(sp -> {
            for (double d : sp.getDividerPositions()) {
                out.add(d);
            }
        });
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static <T> List<T> collect(Node n, Class<T> type) {
        List<T> out = new ArrayList<>();
        if (type.isInstance(n)) {
            out.add(type.cast(n));
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                out.addAll(collect(c, type));
            }
        }
        return out;
    }

    /** Labels under {@code id} whose shown text is not their whole text (an ellipsis, or clipped). */
    private static List<String> cut(Stage stage, String id) {
        Node root = stage.getScene().getRoot();
        for (String part : id.split(" ")) {
            root = root.lookup(part);
            assertNotNull(root, id);
        }
        List<String> out = new ArrayList<>();
        for (Labeled l : collect(root, Labeled.class)) {
            if (!shown(l) || l.getText() == null || l.getText().isEmpty() || l.getScene() == null) {
                continue;
            }
            for (Text t : collect(l, Text.class)) {
                if (!t.getText().equals(l.getText())) {
                    out.add("'" + l.getText() + "' shows as '" + t.getText() + "'");
                }
            }
            Bounds b = l.localToScene(l.getBoundsInLocal());
            if (b.getMaxX() > stage.getScene().getWidth() + 0.5) {
                out.add("'" + l.getText() + "' runs past the window's right edge");
            }
        }
        return out;
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static double chartWidth(FxRobot robot, Stage stage) {
        return ((ChartViewer) stage.getScene().lookup("#loss-chart")).getWidth();
    }

    @ParameterizedTest
    @CsvSource({"1600, 1000", "1280, 720"})
    void presentationGivesTheChartsTheRoomCutsNoHeaderLabelAndTogglesBack(int width, int height, FxRobot robot)
            throws Exception {
        Stage stage = open(robot, width, height);
        try {
            LabWindow window = (LabWindow) stage.getScene().getRoot();
            double[] before = dividers(stage);
            double chartBefore = chartWidth(robot, stage);
            assertNotNull(stage.getScene().lookup("#training-sidebar"));

            robot.interact(() -> window.viewModel().presentationProperty().set(true));
            WaitForAsyncUtils.waitForFxEvents();
            assertNull(stage.getScene().lookup("#training-sidebar"), "the settings column folds away");
            assertNull(stage.getScene().lookup("#module-inspector"), "the inspector folds away");
            assertTrue(chartWidth(robot, stage) > 1.3 * chartBefore,
                    "the charts grow: " + chartBefore + " -> " + chartWidth(robot, stage));
            List<String> cut = new ArrayList<>(cut(stage, ".network-toolbar"));
            cut.addAll(cut(stage, "#lab-tabs .tab-header-area"));
            assertTrue(cut.isEmpty(), width + "x" + height + ": " + cut);

            robot.interact(() -> window.viewModel().presentationProperty().set(false));
            WaitForAsyncUtils.waitForFxEvents();
            assertNotNull(stage.getScene().lookup("#training-sidebar"), "the settings column is back");
            assertArrayEquals(before, dividers(stage), 1e-9, "the dividers are where they were");
            assertTrue(Math.abs(chartWidth(robot, stage) - chartBefore) < 1, "the charts are their size again");
        } finally {
            robot.interact(stage::close);
        }
    }
}
