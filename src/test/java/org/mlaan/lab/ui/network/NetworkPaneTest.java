package org.mlaan.lab.ui.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.ModuleOverride;
import org.mlaan.lab.core.experiment.SplitEditing;
import org.mlaan.lab.ui.model.DemoConfigs;
import org.mlaan.lab.ui.model.LabViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The split editor driven as a person would: clicks, drags, pickers and menus on the real view-model. */
@ExtendWith(ApplicationExtension.class)
class NetworkPaneTest {
    private LabViewModel vm;
    private NetworkPane pane;

    @Start
    void start(Stage stage) {
        // The window's starting demo: ResNet-20, DGL+MLAAN, cuts after 1.1, 2.0 and 2.2 (K = 4).
        vm = new LabViewModel(DemoConfigs.DEFAULT);
        pane = new NetworkPane(vm);
        MenuBar bar = new MenuBar(pane.menus().toArray(javafx.scene.control.Menu[]::new));
        VBox root = new VBox(bar, pane);
        VBox.setVgrow(pane, javafx.scene.layout.Priority.ALWAYS);
        stage.setScene(new Scene(root, 1500, 420));
        stage.show();
    }

    private static <T extends Node> T node(FxRobot robot, String id) {
        return robot.lookup("#" + id).query();
    }

    private static boolean exists(FxRobot robot, String id) {
        return robot.lookup("#" + id).tryQuery().isPresent();
    }

    private static String text(FxRobot robot, String id) {
        return ((Label) node(robot, id)).getText();
    }

    private List<String> cuts() {
        return vm.config().split().cutsAfter();
    }

    private static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void clickingAGapCutsThereAndRaisesK(FxRobot robot) {
        assertEquals("K = 4", text(robot, "k-label"));
        String memoryBefore = text(robot, "memory-label");

        robot.clickOn("#" + NetworkIds.gap("stem"));
        settle();

        assertEquals(List.of("stem", "1.1", "2.0", "2.2"), cuts());
        assertEquals("K = 5", text(robot, "k-label"));
        assertNotEquals(memoryBefore, text(robot, "memory-label"));
        String details = robot.lookup("#memory-label").queryAs(javafx.scene.control.Label.class).getTooltip().getText();
        assertTrue(details.contains("Each module's window and leap stack:") && details.contains("\nE0: ")
                && details.contains("% of BP)"), details);
        assertTrue(exists(robot, NetworkIds.cut("stem")));
        assertTrue(exists(robot, NetworkIds.module(4)));
    }

    @Test
    void theGaugeOffersALeanerSplitWithAsManyModulesAndLeadsBack(FxRobot robot) throws Exception {
        List<String> drawn = cuts();
        double drawnShare = vm.estimateProperty().get().ratio();
        javafx.scene.control.Hyperlink link = node(robot, "memory-leaner");
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, link::isVisible);
        org.mlaan.lab.core.local.LeanestSplit.Proposal offered = vm.leanerSplitProperty().get();
        assertEquals(String.format(java.util.Locale.ROOT, "leaner split: %.0f%%", 100 * offered.estimate().ratio()),
                link.getText());
        assertTrue(link.getTooltip().getText().contains("cuts after " + String.join(", ", offered.cuts())),
                link.getTooltip().getText());

        robot.clickOn(link);
        settle();

        assertEquals(offered.cuts(), cuts());
        assertEquals("K = 4", text(robot, "k-label"));
        assertTrue(vm.estimateProperty().get().ratio() < drawnShare, "the estimate follows the cuts taken");
        assertEquals(String.format(java.util.Locale.ROOT, "%.0f%% of BP", 100 * offered.estimate().ratio()),
                text(robot, "memory-label").substring(0, text(robot, "memory-label").indexOf(" (")));
        assertEquals("back to your cuts", link.getText());

        robot.clickOn(link);
        settle();

        assertEquals(drawn, cuts());
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> link.getText().startsWith("leaner split"));
    }

    @Test
    void theGapBeforeTheHeadSaysWhyItCannotBeCut(FxRobot robot) {
        Node gap = node(robot, NetworkIds.gap("3.2"));
        assertTrue(gap.getStyleClass().contains("gap-blocked"));
        ExperimentConfig before = vm.config();

        robot.clickOn(gap);
        settle();

        assertSame(before, vm.config());
        assertEquals("K = 4", text(robot, "k-label"));
    }

    @Test
    void clickingACutRemovesIt(FxRobot robot) {
        robot.clickOn("#" + NetworkIds.cut("2.0"));
        settle();

        assertEquals(List.of("1.1", "2.2"), cuts());
        assertEquals("K = 3", text(robot, "k-label"));
        assertFalse(exists(robot, NetworkIds.cut("2.0")));
        assertTrue(exists(robot, NetworkIds.gap("2.0")), "the gap is free to cut again");
    }

    @Test
    void draggingACutMovesItToAnotherGap(FxRobot robot) {
        robot.drag("#" + NetworkIds.cut("2.0")).dropTo("#" + NetworkIds.gap("3.0"));
        settle();

        assertEquals(List.of("1.1", "2.2", "3.0"), cuts());
        assertEquals("K = 4", text(robot, "k-label"));
        assertEquals("cuts after 1.1, 2.2, 3.0", text(robot, "split-label"));
        assertTrue(exists(robot, NetworkIds.cut("3.0")));
        assertFalse(exists(robot, NetworkIds.cut("2.0")));
    }

    @Test
    void selectingAModuleAndClickingALaterBlockAddsItToTheLeapList(FxRobot robot) {
        assertEquals(1, robot.lookup(".chip-quiet").queryAll().size(),
                "module 0 of the w = 2 demo says it has no loss of its own; the others do not");
        robot.clickOn("#" + NetworkIds.module(1));
        settle();
        assertEquals(1, vm.selectedModuleProperty().get());
        assertNull(vm.config().local(), "selecting a module writes nothing");
        assertTrue(text(robot, "inspector-title").startsWith("E1 "), text(robot, "inspector-title"));
        assertTrue(text(robot, "inspector-title").endsWith("module 2 of 4"), text(robot, "inspector-title"));
        assertTrue(node(robot, "network-legend").isVisible(), "the strip's notation is spelled out under it");
        assertFalse(exists(robot, NetworkIds.arc(1, "2.1")));

        robot.clickOn("#" + NetworkIds.tile("2.1"));
        settle();

        ModuleOverride o = SplitEditing.overrideOf(vm.config(), 1);
        assertEquals(List.of("2.1", "2.2", "3.0", "3.1", "3.2"), o.leap());
        assertNotNull(vm.localPlan(), "2.1 follows module 1, so the config runs");
        Node arc = node(robot, NetworkIds.arc(1, "2.1"));
        assertTrue(arc.getStyleClass().contains("leap-arc-selected"));
        assertTrue(node(robot, NetworkIds.tile("2.1")).getStyleClass().contains("leap-target"));
        assertTrue(text(robot, "leap-list-label").startsWith("Leap stack: 2.1 → 2.2 → 3.0 → 3.1 → 3.2  (EMA twin on 2.1)"),
                text(robot, "leap-list-label"));

        robot.clickOn("#" + NetworkIds.tile("2.1"));
        settle();
        assertEquals(List.of("2.2", "3.0", "3.1", "3.2"), SplitEditing.overrideOf(vm.config(), 1).leap());
        assertFalse(exists(robot, NetworkIds.arc(1, "2.1")));
    }

    @Test
    void aLeapToABlockBeforeTheModuleIsMarkedOnThatModule(FxRobot robot) {
        robot.clickOn("#" + NetworkIds.module(1));
        settle();
        robot.clickOn("#" + NetworkIds.tile("1.0"));
        settle();

        assertEquals(List.of("1.0", "2.2", "3.0", "3.1", "3.2"), SplitEditing.overrideOf(vm.config(), 1).leap());
        assertNull(vm.localPlan());
        ModuleBand band = node(robot, NetworkIds.module(1));
        assertTrue(band.getStyleClass().contains("module-invalid"));
        assertTrue(band.problemText().contains("module 1 (1.2..2.0): leap block 1.0 is at or before the module"),
                band.problemText());
        assertFalse(((ModuleBand) node(robot, NetworkIds.module(0))).getStyleClass().contains("module-invalid"));
        assertTrue(text(robot, "problem-0").contains("leap block 1.0 is at or before the module"));
        assertTrue(node(robot, NetworkIds.arc(1, "1.0")).getStyleClass().contains("leap-arc-wrong"));
        assertEquals(1, vm.selectedModuleProperty().get(), "the module stays selected while its problem shows");

        // A second click on the same block undoes it.
        robot.clickOn("#" + NetworkIds.tile("1.0"));
        settle();
        assertNotNull(vm.localPlan());
        assertTrue(vm.problems().isEmpty());
        assertFalse(((ModuleBand) node(robot, NetworkIds.module(1))).getStyleClass().contains("module-invalid"));
        assertFalse(exists(robot, "problem-0"));
    }

    @Test
    void theInspectorWritesTheSelectedModulesOverride(FxRobot robot) {
        robot.clickOn("#" + NetworkIds.module(2));
        settle();
        TextField wx = robot.lookup("#module-sheet .number-editor").nth(0).query();
        assertEquals("0.001", wx.getText(), "DGL+MLAAN's independent weight");

        robot.doubleClickOn(wx).eraseText(wx.getText().length() + 2).write("0.5").type(KeyCode.ENTER);
        settle();

        ModuleOverride o = SplitEditing.overrideOf(vm.config(), 2);
        assertEquals(0.5, o.wx());
        assertNull(o.window(), "only the edited field is written");
        assertNull(o.leap());
        assertEquals(0.5, vm.localPlan().modules().get(2).wx());
        assertEquals(1, vm.config().local().modules().size());

        robot.clickOn("#reset-module");
        settle();
        assertNull(vm.config().local());
    }

    @Test
    void theMethodPickerAppliesAWholeCombination(FxRobot robot) {
        pickMethod(robot, "DGL");
        assertEquals("DGL", vm.config().method());
        assertEquals(List.of("1.1", "2.0", "2.2"), cuts());
        assertTrue(chipClasses(robot, 1).contains("chip-head"));
        assertFalse(chipClasses(robot, 1).contains("chip-window"), "DGL has no cascaded window");
        assertFalse(chipClasses(robot, 1).contains("chip-leap"), "DGL has no leap aux");

        pickMethod(robot, "BP");
        assertEquals("BP", vm.config().method());
        assertNull(vm.config().split(), "BP takes no split");
        assertTrue(vm.problems().isEmpty());
        assertEquals("K = 1 (BP)", text(robot, "k-label"));
        Node kept = node(robot, NetworkIds.cut("2.0"));
        assertTrue(kept.getStyleClass().contains("cut-ignored"), "the cuts stay drawn, grey");
        assertTrue(node(robot, "bp-note").isVisible());

        pickMethod(robot, "DGL+LAM");
        assertEquals("DGL+LAM", vm.config().method());
        assertEquals(List.of("1.1", "2.0", "2.2"), cuts(), "the drawn cuts come back");
        assertTrue(chipClasses(robot, 0).contains("chip-leap"));
    }

    @Test
    void aModuleBeforeTheFirstFullWindowHasNoLeapStackAndTheInspectorSaysWhy(FxRobot robot) {
        // The w = 2 demo: module 0 has no cascaded loss, so no leap stack (the reference's unused A_0) is built.
        assertFalse(chipClasses(robot, 0).contains("chip-leap"));
        assertTrue(chipClasses(robot, 1).contains("chip-leap"));
        robot.clickOn("#" + NetworkIds.module(0));
        settle();
        assertTrue(text(robot, "leap-list-label").startsWith("Leap stack: none. A leap stack sits on the cascaded path,"
                + " and this module has none"), text(robot, "leap-list-label"));
        assertTrue(text(robot, "leap-list-label").contains("the lab does not build it"));

        robot.clickOn("#" + NetworkIds.tile("2.1"));
        settle();
        assertTrue(vm.problems().stream().anyMatch(p -> p.contains("module 0 has no cascaded loss")), vm.problems()
                .toString());
        assertTrue(text(robot, "leap-list-label").contains("the lab does not build it"), text(robot, "leap-list-label"));
        robot.clickOn("#" + NetworkIds.module(1));
        settle();
        assertFalse(text(robot, "leap-list-label").contains("does not build"), text(robot, "leap-list-label"));
    }

    @Test
    void cutsDrawnUnderBackpropComeWithTheNextLocalMethod(FxRobot robot) {
        pickMethod(robot, "BP");
        robot.clickOn("#" + NetworkIds.gap("stem"));
        settle();
        assertNull(vm.config().split());
        assertTrue(exists(robot, NetworkIds.cut("stem")));

        pickMethod(robot, "DGL");
        assertEquals(List.of("stem", "1.1", "2.0", "2.2"), cuts());
        assertEquals("K = 5", text(robot, "k-label"));
    }

    @Test
    void aPaperSplitLoadsFromTheNetworkMenu(FxRobot robot) {
        openMenu(robot, "Network");
        robot.clickOn(shown(robot, "Paper splits"));
        // Across to the submenu first: a diagonal path would pass over the next menu row and switch submenus.
        robot.moveTo(shown(robot, PresetsMenu.presetLabel(org.mlaan.lab.core.split.PaperPresets.all().get(0))));
        robot.clickOn(shown(robot, PresetsMenu.presetLabel(org.mlaan.lab.core.split.PaperPresets.get("resnet32-k16"))));
        settle();

        assertEquals("resnet32", vm.config().network().arch());
        assertEquals("resnet32-k16", vm.config().split().preset());
        assertEquals("DGL+MLAAN", vm.config().method());
        assertEquals("K = 16", text(robot, "k-label"));
        assertEquals("paper split resnet32-k16", text(robot, "split-label"));
        assertTrue(exists(robot, NetworkIds.tile("3.4")));
        assertTrue(exists(robot, NetworkIds.module(15)));
        assertEquals("resnet32", ((ComboBox<?>) node(robot, "arch-picker")).getConverter().toString(
                cast(((ComboBox<?>) node(robot, "arch-picker")).getValue())));
    }

    @Test
    void aDemoFromTheMenuReplacesTheWholeConfig(FxRobot robot) {
        openMenu(robot, "Network");
        robot.clickOn(shown(robot, "Quick demos (built-in data)"));
        robot.moveTo(shown(robot, PresetsMenu.demoLabel(DemoConfigs.DEFAULT)));
        robot.clickOn(shown(robot, PresetsMenu.demoLabel(DemoConfigs.load("demo-builtin-bp-resnet20.json"))));
        settle();

        assertEquals(DemoConfigs.load("demo-builtin-bp-resnet20.json"), vm.config());
        assertEquals("K = 1 (BP)", text(robot, "k-label"));
    }

    @Test
    void anotherNetworkKeepsTheCutsThatFit(FxRobot robot) {
        robot.clickOn("#arch-picker");
        robot.clickOn(cell(robot, "resnet18"));
        settle();

        assertEquals("resnet18", vm.config().network().arch());
        assertEquals(List.of("1.1", "2.0"), cuts());
        assertEquals("DGL+MLAAN", vm.config().method());
        assertTrue(exists(robot, NetworkIds.tile("4.1")));
        assertEquals("K = 3", text(robot, "k-label"));
    }

    @Test
    void presentationModeDrawsLargerTilesAndText(FxRobot robot) {
        String tile = "#" + NetworkIds.tile("1.0");
        double height = ((Region) node(robot, NetworkIds.tile("1.0"))).getHeight();
        double font = ((Label) robot.lookup(tile + " .tile-name").query()).getFont().getSize();
        robot.interact(() -> vm.presentationProperty().set(true));
        settle();
        assertTrue(pane.getStyleClass().contains("presentation"));
        double heightNow = ((Region) node(robot, NetworkIds.tile("1.0"))).getHeight();
        double fontNow = ((Label) robot.lookup(tile + " .tile-name").query()).getFont().getSize();
        assertTrue(heightNow > height, height + " -> " + heightNow);
        assertTrue(fontNow >= font * 1.5, font + " -> " + fontNow);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    private void pickMethod(FxRobot robot, String label) {
        robot.clickOn("#method-picker");
        robot.clickOn(cell(robot, label));
        settle();
    }

    private static Node cell(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof ListCell<?> c && text.equals(c.getText())).query();
    }

    /** The labelled node showing {@code text} in a window on screen (menus leave hidden copies behind). */
    private static Node shown(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof javafx.scene.control.Labeled l && text.equals(l.getText())
                && n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()
                && n.isVisible()).query();
    }

    private static void openMenu(FxRobot robot, String title) {
        robot.clickOn(robot.lookup(".menu-bar .menu").match((Node n) -> n instanceof javafx.scene.control.Labeled l
                && title.equals(l.getText())).queryAs(Node.class));
    }

    private static Set<String> chipClasses(FxRobot robot, int module) {
        return robot.lookup("#" + NetworkIds.module(module) + " .role-chip").queryAll().stream()
                .flatMap(n -> n.getStyleClass().stream()).collect(Collectors.toSet());
    }
}
