package org.mlaan.lab.ui.network;

import java.util.List;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.config.ModuleOverride;
import org.mlaan.lab.core.experiment.SplitEditing;
import org.mlaan.lab.core.local.ActivationEstimate;
import org.mlaan.lab.core.local.LeanestSplit;
import org.mlaan.lab.core.local.LocalPlan;
import org.mlaan.lab.core.local.MethodDefaults;
import org.mlaan.lab.core.local.ModulePlan;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.plan.Unit;
import org.mlaan.lab.core.split.ModuleSpan;
import org.mlaan.lab.core.split.SplitPreset;
import org.mlaan.lab.ui.common.StyleClasses;
import org.mlaan.lab.ui.model.LabViewModel;

/**
 * The network drawn as unit tiles with its cuts, module chips and leap arcs, the method and
 * network pickers, the memory gauge, the config's problems and the module inspector. Every
 * change goes to the view-model as a new config ({@link SplitEditing} makes it); everything shown
 * is redrawn from the view-model.
 */
public final class NetworkPane extends BorderPane {
    private final LabViewModel vm;
    private final PresetsMenu presets;
    private final ChoicePicker<Arch> archPicker = ChoicePicker.arch(this::pickArch);
    private final ChoicePicker<Method> methodPicker = ChoicePicker.method(this::pickMethod);
    private final Label kLabel = new Label();
    private final Label splitLabel = new Label();
    private final MemoryGauge gauge = new MemoryGauge();
    private final NetworkStrip strip = new NetworkStrip(new StripHandler());
    private final ScrollPane stripScroll = new ScrollPane(strip);
    private final VBox messages = new VBox(2);
    private final Label bpNote = new Label("BP trains end to end, so it ignores the cuts: they are kept, grey,"
            + " for when you pick a local method.");
    private final ModuleInspector inspector = new ModuleInspector(new InspectorHandler());

    /** Cuts drawn while the method is BP (which takes no split), kept for the next local method. */
    private List<String> drawnCuts = List.of();
    /** The module this pane edits; survives a config with problems, which the view-model would clear. */
    private int selected = -1;
    /** The last plan that resolved, for the roles of modules while the config has problems. */
    private LocalPlan lastValid;
    private boolean inspectorEditing;
    private boolean syncingSelection;
    private double laidOutWidth = -1;
    private ExperimentConfig beforeLeaner;
    private ExperimentConfig takenLeaner;
    private ActivationEstimate drawnEstimate;

    public NetworkPane(LabViewModel vm) {
        this.vm = vm;
        this.presets = new PresetsMenu(this::pickPreset, vm::setConfig, this::pickMethod);
        setId("network-pane");
        getStyleClass().add("network-pane");
        getStylesheets().add(NetworkPane.class.getResource("network.css").toExternalForm());

        setTop(toolbar());
        stripScroll.setId("network-scroll");
        stripScroll.getStyleClass().add("network-scroll");
        stripScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        stripScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        stripScroll.setPannable(false);
        stripScroll.setFitToHeight(false);
        // A wheel turn moves a long network sideways: it only ever overflows in width.
        stripScroll.addEventFilter(ScrollEvent.SCROLL, e -> {
            double overflow = strip.getWidth() - stripScroll.getViewportBounds().getWidth();
            if (overflow > 0 && e.getDeltaX() == 0 && e.getDeltaY() != 0) {
                stripScroll.setHvalue(stripScroll.getHvalue() - e.getDeltaY() / overflow);
                e.consume();
            }
        });
        stripScroll.viewportBoundsProperty().addListener((obs, old, now) -> {
            if (Math.abs(now.getWidth() - laidOutWidth) > 1) {
                refresh(false);
            }
        });
        messages.setId("problems-list");
        messages.getStyleClass().add("problems-list");
        bpNote.setId("bp-note");
        bpNote.getStyleClass().add("bp-note");
        bpNote.setWrapText(true);
        ScrollPane messageScroll = new ScrollPane(messages);
        messageScroll.setFitToWidth(true);
        messageScroll.getStyleClass().add("messages-scroll");
        messageScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        messageScroll.setMaxHeight(64);
        messageScroll.setMinHeight(0);
        messageScroll.managedProperty().bind(messageScroll.visibleProperty());
        messageScroll.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(messages.getChildren()));
        StripLegend legend = new StripLegend();
        // A projector shows the strip, not its key: presentation mode leaves the legend out.
        legend.managedProperty().bind(legend.visibleProperty());
        legend.visibleProperty().bind(vm.presentationProperty().not());
        VBox center = new VBox(4, stripScroll, legend, messageScroll);
        center.setPadding(new Insets(0, 0, 4, 0));
        VBox.setVgrow(stripScroll, Priority.SOMETIMES);
        setCenter(center);
        inspector.setPrefWidth(360);
        inspector.setMinWidth(300);
        setRight(inspector);

        vm.configProperty().addListener((obs, old, now) -> refresh(!inspectorEditing));
        vm.leanerSplitProperty().addListener((obs, old, now) -> offerLeanerSplit());
        vm.selectedModuleProperty().addListener(selectionFromOutside());
        vm.presentationProperty().addListener((obs, old, on) -> applyPresentation(on));
        applyPresentation(vm.presentationProperty().get());
    }

    /** The Network menu (paper splits, quick demos) and the Method menu. */
    public List<Menu> menus() {
        return presets.menus();
    }

    private HBox toolbar() {
        Label network = new Label("Network");
        network.getStyleClass().add("toolbar-caption");
        Label method = new Label("Method");
        method.getStyleClass().add("toolbar-caption");
        kLabel.setId("k-label");
        kLabel.getStyleClass().add("k-label");
        kLabel.setMinWidth(Region.USE_PREF_SIZE);
        // The captions and pickers keep their size; the split and memory text give way.
        for (Region r : new Region[] {network, method, archPicker, methodPicker}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        splitLabel.setId("split-label");
        splitLabel.getStyleClass().add("split-label");
        splitLabel.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(splitLabel, Priority.SOMETIMES);
        HBox bar = new HBox(8, network, archPicker, method, methodPicker, new Separator(Orientation.VERTICAL), kLabel,
                splitLabel, spacer, gauge);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(5, 10, 5, 10));
        bar.getStyleClass().add("network-toolbar");
        return bar;
    }

    /** Presentation mode: the strip gets the inspector's room (the inspector is for editing, not showing). */
    private void applyPresentation(boolean on) {
        StyleClasses.set(this, "presentation", on);
        gauge.setBarWidth(on ? 170 : 150, on ? 14 : 9);
        setRight(on ? null : inspector);
        refresh(true);
    }

    private ChangeListener<Number> selectionFromOutside() {
        return (obs, old, now) -> {
            if (syncingSelection) {
                return;
            }
            int v = now.intValue();
            // The view-model clears the selection whenever the config has problems; keep editing the
            // module (its problem is what the person is fixing) while the split still has it.
            if (v == -1 && vm.localPlan() == null && selected >= 0 && selected < drawnModules()) {
                return;
            }
            selected = v;
            refresh(true);
        };
    }

    private int drawnModules() {
        NetworkPlan plan = vm.plan();
        return plan == null ? 0 : SplitEditing.spans(plan, cutsShown(vm.config(), plan)).size();
    }

    private List<String> cutsShown(ExperimentConfig c, NetworkPlan plan) {
        if (c.split() != null) {
            return SplitEditing.cutsOf(c, plan);
        }
        return SplitEditing.isLocal(c) ? List.of() : SplitEditing.fitting(plan, drawnCuts);
    }

    /** Redraws everything from the view-model; {@code rebuildInspector} when the edit did not come from it. */
    private void refresh(boolean rebuildInspector) {
        ExperimentConfig c = vm.config();
        NetworkPlan plan = vm.plan();
        if (c == null || plan == null) {
            return;
        }
        boolean bp = !SplitEditing.isLocal(c);
        List<String> cuts = cutsShown(c, plan);
        drawnCuts = cuts;
        List<ModuleSpan> spans = SplitEditing.spans(plan, cuts);
        LocalPlan lp = vm.localPlan();
        if (lp != null && !lp.isBackprop()) {
            lastValid = lp;
        }
        if (bp || selected >= spans.size()) {
            selected = -1;
        }
        if (vm.selectedModuleProperty().get() != selected) {
            syncingSelection = true;
            try {
                vm.selectedModuleProperty().set(selected);
            } finally {
                syncingSelection = false;
            }
        }
        List<ModulePlan> roles = lp != null && !bp ? lp.modules() : null;
        Map<Integer, List<String>> problems = ModuleProblems.byModule(vm.problems());
        LocalPlan selectedPlan = selected < 0 ? null : planOf(selected, spans, plan);
        ModulePlan selectedRoles = selectedPlan == null ? null : selectedPlan.modules().get(selected);
        List<String> selectedLeap = selected < 0 || selected == spans.size() - 1 ? List.of()
                : SplitEditing.currentLeap(c, selectedRoles, selected);
        int twins = emaTwins(c, selected, selectedRoles, selectedLeap);

        StripMetrics metrics = StripMetrics.of(vm.presentationProperty().get());
        laidOutWidth = stripScroll.getViewportBounds().getWidth();
        double width = laidOutWidth > 0 ? laidOutWidth : 1200;
        strip.show(new NetworkStrip.Model(plan, cuts, bp, spans, roles, selected, selectedLeap, twins, problems),
                metrics, width);

        Method method = methodOrNull(c);
        archPicker.show(plan.arch());
        methodPicker.show(method);
        presets.showMethod(method);
        kLabel.setText(bp ? "K = 1 (BP)" : "K = " + spans.size());
        String split = splitText(c, cuts, bp);
        splitLabel.setText(split);
        splitLabel.setTooltip(new Tooltip(split));
        // A short description keeps its room; a long list of cuts gives way (the tooltip has it all).
        splitLabel.setMinWidth(split.length() <= 32 ? Region.USE_PREF_SIZE : 60);
        gauge.show(vm.estimateProperty().get(), bp, c.training().batchSizeOrDefault());
        offerLeanerSplit();
        showMessages(bp);
        showInspector(c, bp, spans, selectedPlan, selectedRoles, selectedLeap, twins, rebuildInspector);
    }

    /**
     * The gauge's link: to the leaner split the view-model found, or, right after one was taken,
     * back to the cuts drawn before (the window has no undo, and a person should not lose a split
     * drawn by hand to one click).
     */
    private void offerLeanerSplit() {
        ExperimentConfig c = vm.config();
        if (takenLeaner != null && c == takenLeaner) {
            ExperimentConfig drawn = beforeLeaner;
            gauge.offerBack(drawnEstimate, () -> vm.setConfig(drawn));
            return;
        }
        takenLeaner = null;
        LeanestSplit.Proposal p = vm.leanerSplitProperty().get();
        ActivationEstimate now = vm.estimateProperty().get();
        gauge.offer(vm.presentationProperty().get() ? null : p, now, c.training().batchSizeOrDefault(), () -> {
            beforeLeaner = c;
            drawnEstimate = now;
            takenLeaner = SplitEditing.withCutsKeepingNumbers(c, vm.plan(), p.cuts());
            vm.setConfig(takenLeaner);
        });
    }

    private ModulePlan rolesOf(int module, List<ModuleSpan> spans, NetworkPlan plan) {
        LocalPlan holder = planOf(module, spans, plan);
        return holder == null ? null : holder.modules().get(module);
    }

    /** The local plan that holds {@code module}'s roles: the current one, else the last valid one of the same split. */
    private LocalPlan planOf(int module, List<ModuleSpan> spans, NetworkPlan plan) {
        LocalPlan lp = vm.localPlan();
        if (lp != null && !lp.isBackprop() && module < lp.k()) {
            return lp;
        }
        if (lastValid != null && lastValid.network().arch() == plan.arch()
                && lastValid.modules().stream().map(ModulePlan::span).toList().equals(spans)) {
            return lastValid;
        }
        return null;
    }

    /** EMA-twinned leap blocks of {@code module}: resolved when the plan is, else as the config asks (default 1). */
    private static int emaTwins(ExperimentConfig c, int module, ModulePlan roles, List<String> leap) {
        if (leap.isEmpty()) {
            return 0;
        }
        if (roles != null && roles.leapBlocks().equals(leap)) {
            return roles.emaTwins();
        }
        ModuleOverride o = SplitEditing.overrideOf(c, module);
        Integer asked = o != null && o.emaTwins() != null ? o.emaTwins() : c.localOrDefault().emaTwins();
        return Math.min(leap.size(), asked == null ? MethodDefaults.EMA_TWINS : asked);
    }

    private static Method methodOrNull(ExperimentConfig c) {
        try {
            return c.methodOrDefault();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String splitText(ExperimentConfig c, List<String> cuts, boolean bp) {
        if (SplitEditing.usesPreset(c)) {
            return "paper split " + c.split().preset();
        }
        if (cuts.isEmpty()) {
            return bp ? "no cuts: one module" : "no cuts yet: click a gap between two tiles";
        }
        return (bp ? "cuts kept for a local method: " : "cuts after ") + String.join(", ", cuts);
    }

    private void showMessages(boolean bp) {
        messages.getChildren().clear();
        if (bp) {
            messages.getChildren().add(bpNote);
        }
        List<String> problems = vm.problems();
        for (int i = 0; i < problems.size(); i++) {
            Label l = new Label(problems.get(i));
            l.setId("problem-" + i);
            l.getStyleClass().addAll("problem-text", "problem-line");
            l.setWrapText(true);
            messages.getChildren().add(l);
        }
    }

    private void showInspector(ExperimentConfig c, boolean bp, List<ModuleSpan> spans, LocalPlan rolesPlan,
            ModulePlan roles, List<String> leap, int twins, boolean rebuild) {
        if (bp) {
            inspector.showHint("End-to-end backprop", "BP trains the whole network with one loss, so its modules"
                    + " have no auxiliaries. Pick a local method (DGL+MLAAN, ...) to give every module its own.");
            return;
        }
        if (selected < 0) {
            inspector.showHint("No module selected", "Click a module's coloured band to edit its auxiliaries."
                    + "\nClick a gap between tiles to cut there, click a cut to remove it, drag a cut to move it.");
            return;
        }
        ModuleSpan span = spans.get(selected);
        inspector.show(new ModuleInspector.Selection(span, selected == spans.size() - 1, roles,
                rolesPlan == null ? null : rolesPlan.settings(),
                SplitEditing.overrideOf(c, selected), leap, twins, spans.size()), rebuild);
    }

    // --- what the strip reports ---

    private void cut(String after) {
        editSplit(SplitEditing.addCut(vm.config(), vm.plan(), after),
                SplitEditing.withCut(vm.plan(), drawnCuts, after));
    }

    private void removeCut(String after) {
        editSplit(SplitEditing.removeCut(vm.config(), vm.plan(), after), SplitEditing.withoutCut(drawnCuts, after));
    }

    private void moveCut(String from, String to) {
        editSplit(SplitEditing.moveCut(vm.config(), vm.plan(), from, to),
                SplitEditing.movedCut(vm.plan(), drawnCuts, from, to));
    }

    /** A local method stores the cuts in the config; BP takes none, so they are only drawn. */
    private void editSplit(ExperimentConfig local, List<String> drawnForBp) {
        if (SplitEditing.isLocal(vm.config())) {
            vm.setConfig(local);
        } else {
            drawnCuts = drawnForBp;
            refresh(false);
        }
    }

    private void tileClicked(Unit unit) {
        ExperimentConfig c = vm.config();
        NetworkPlan plan = vm.plan();
        if (!SplitEditing.isLocal(c)) {
            return;
        }
        List<ModuleSpan> spans = SplitEditing.spans(plan, cutsShown(c, plan));
        if (selected >= 0 && selected < spans.size() - 1 && unit.isBlock()) {
            List<String> leap = SplitEditing.currentLeap(c, rolesOf(selected, spans, plan), selected);
            // Set even when the list cannot run: the problem then shows on the module, and a second click undoes it.
            vm.setConfig(SplitEditing.toggleLeap(c, plan, selected, leap, unit.name()));
            return;
        }
        for (ModuleSpan s : spans) {
            if (s.contains(unit.index())) {
                select(s.index());
            }
        }
    }

    private void moduleClicked(int module) {
        if (!SplitEditing.isLocal(vm.config())) {
            return;
        }
        select(module == selected ? -1 : module);
    }

    private void select(int module) {
        selected = module;
        refresh(true);
    }

    // --- what the inspector reports ---

    private void setModule(int module, ModuleSetting setting, Object value) {
        inspectorEditing = setting != ModuleSetting.LEAP;
        try {
            vm.setConfig(setting.writeInto(vm.config(), module, value));
        } finally {
            inspectorEditing = false;
        }
    }

    private void resetModule(int module) {
        vm.setConfig(SplitEditing.withoutOverride(vm.config(), module));
    }

    /** The strip's clicks and drags, kept off the pane's public face. */
    private final class StripHandler implements NetworkStrip.Actions {
        @Override
        public void cut(String after) {
            NetworkPane.this.cut(after);
        }

        @Override
        public void removeCut(String after) {
            NetworkPane.this.removeCut(after);
        }

        @Override
        public void moveCut(String from, String to) {
            NetworkPane.this.moveCut(from, to);
        }

        @Override
        public void tileClicked(Unit unit) {
            NetworkPane.this.tileClicked(unit);
        }

        @Override
        public void moduleClicked(int module) {
            NetworkPane.this.moduleClicked(module);
        }
    }

    /** The inspector's edits. */
    private final class InspectorHandler implements ModuleInspector.Edits {
        @Override
        public void set(int module, ModuleSetting setting, Object value) {
            setModule(module, setting, value);
        }

        @Override
        public void reset(int module) {
            resetModule(module);
        }
    }

    // --- pickers and menus ---

    private void pickMethod(Method m) {
        ExperimentConfig c = vm.config();
        if (c.method() != null && methodOrNull(c) == m && c.local() == null) {
            return;
        }
        vm.setConfig(SplitEditing.applyMethod(c, m, drawnCuts, vm.plan()));
    }

    private void pickArch(Arch a) {
        vm.setConfig(SplitEditing.changeArch(vm.config(), a));
    }

    private void pickPreset(SplitPreset p) {
        vm.setConfig(SplitEditing.loadPreset(vm.config(), p));
    }
}
