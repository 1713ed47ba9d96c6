package org.mlaan.lab.ui.network;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.Editors;
import org.controlsfx.property.editor.PropertyEditor;
import org.mlaan.lab.core.config.ModuleOverride;
import org.mlaan.lab.core.local.HeadKind;
import org.mlaan.lab.core.local.LocalSettings;
import org.mlaan.lab.core.local.ModulePlan;
import org.mlaan.lab.core.split.ModuleSpan;

/**
 * The selected module's auxiliary settings as a property sheet: head, wx, window, cascade head,
 * wy, EMA twins, momentum. An edit writes that module's override in {@code local.modules}; the
 * sheet shows what the module runs with (its override, else the method's default).
 */
final class ModuleInspector extends VBox {
    /** Where the inspector's edits go. */
    interface Edits {
        void set(int module, ModuleSetting setting, Object value);

        void reset(int module);
    }

    /**
     * The module being inspected.
     *
     * @param span its units
     * @param last whether it is the last module (it holds the head)
     * @param roles its resolved roles, or null while the config has problems
     * @param inherited the method-wide settings of the plan {@code roles} come from (null with them)
     * @param override its override in {@code local.modules}, or null
     * @param leap the leap list it runs with (or would, once the problems are fixed)
     * @param emaTwins how many of the leap blocks have an EMA twin
     */
    record Selection(ModuleSpan span, boolean last, ModulePlan roles, LocalSettings inherited, ModuleOverride override, List<String> leap,
            int emaTwins, int modules) {
        int module() {
            return span.index();
        }
    }

    private static final List<ModuleSetting> SHEET = List.of(ModuleSetting.INDEPENDENT_HEAD, ModuleSetting.WX,
            ModuleSetting.WINDOW, ModuleSetting.CASCADE_HEAD, ModuleSetting.WY, ModuleSetting.EMA_TWINS,
            ModuleSetting.MOMENTUM);

    private final Edits edits;
    private final Label title = new Label();
    private final Label hint = new Label();
    private final Label leapLine = new Label();
    private final Label overrides = new Label();
    private final PropertySheet sheet = new PropertySheet();
    private final Button reset = new Button("Defaults");
    private final Button leapOff = new Button("No leap");
    private final VBox body;
    private final HBox buttons;
    private Selection current;

    ModuleInspector(Edits edits) {
        this.edits = edits;
        setId("module-inspector");
        getStyleClass().add("module-inspector");
        setSpacing(4);
        setPadding(new Insets(6, 8, 6, 8));
        title.setId("inspector-title");
        title.getStyleClass().add("inspector-title");
        hint.setId("inspector-hint");
        hint.getStyleClass().add("inspector-hint");
        hint.setWrapText(true);
        leapLine.setId("leap-list-label");
        leapLine.getStyleClass().add("inspector-leap");
        leapLine.setWrapText(true);
        overrides.setId("override-summary");
        overrides.getStyleClass().add("inspector-hint");
        overrides.setWrapText(true);
        sheet.setId("module-sheet");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.setPropertyEditorFactory(item -> ((SettingItem) item).editor());
        VBox.setVgrow(sheet, Priority.ALWAYS);
        reset.setId("reset-module");
        reset.setOnAction(e -> {
            if (current != null) {
                edits.reset(current.module());
            }
        });
        leapOff.setId("leap-off");
        leapOff.setOnAction(e -> {
            if (current != null) {
                edits.set(current.module(), ModuleSetting.LEAP, List.of());
            }
        });
        reset.setTooltip(new javafx.scene.control.Tooltip("Drop this module's own settings: the method's defaults again"));
        leapOff.setTooltip(new javafx.scene.control.Tooltip("Turn this module's leap aux off (leap = [])"));
        for (Label l : new Label[] {hint, leapLine, overrides}) {
            // Wrapped text keeps its lines; the sheet below scrolls instead.
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        buttons = new HBox(6, leapOff, reset);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(0);
        HBox header = new HBox(6, title, spacer, buttons);
        header.setAlignment(Pos.CENTER_LEFT);
        body = new VBox(3, leapLine, overrides, sheet);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(header, hint, body);
        showHint("No module selected", "");
    }

    /** Shows no module, with {@code text} saying what to do. */
    void showHint(String heading, String text) {
        current = null;
        title.setText(heading);
        hint.setText(text);
        setShown(hint, true);
        setShown(body, false);
        setShown(buttons, false);
        sheet.getItems().clear();
    }

    /**
     * Shows {@code s}. The editors are rebuilt only when {@code rebuild} (another module, or the
     * config changed elsewhere): an edit made here must not pull the editor out from under the hand.
     */
    void show(Selection s, boolean rebuild) {
        boolean other = current == null || current.module() != s.module();
        current = s;
        ModuleSpan span = s.span();
        String range = span.first() == span.last() ? span.firstName() : span.firstName() + "–" + span.lastName();
        // E-names count from 0 as the papers' code does; a person reads "module 2 of 4".
        title.setText("E" + s.module() + "  ·  " + range + "  ·  module " + (s.module() + 1) + " of " + s.modules());
        setShown(hint, false);
        leapLine.setText(leapText(s));
        overrides.setText(overrideText(s.override()));
        leapOff.setDisable(s.last() || s.leap().isEmpty());
        reset.setDisable(s.override() == null);
        setShown(body, true);
        setShown(buttons, true);
        if (rebuild || other) {
            List<PropertySheet.Item> items = new ArrayList<>();
            for (ModuleSetting setting : SHEET) {
                items.add(new SettingItem(setting));
            }
            sheet.getItems().setAll(items);
        }
    }

    private static void setShown(javafx.scene.Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    private static String leapText(Selection s) {
        if (s.last()) {
            return "The last module holds the head and trains on it; it has no leap aux.";
        }
        if (s.leap().isEmpty()) {
            return noCascade(s) ? "Leap stack: none. " + noLeapHere(s.roles())
                    : "Leap stack: off. Click later blocks' tiles to build one.";
        }
        int twins = s.emaTwins();
        StringBuilder b = new StringBuilder("Leap stack: ").append(String.join(" → ", s.leap()));
        if (twins > 0) {
            b.append("  (EMA twin on ").append(String.join(", ", s.leap().subList(0, Math.min(twins, s.leap().size()))))
                    .append(")");
        }
        b.append(". Click later blocks' tiles to add or remove them.");
        if (noCascade(s)) {
            b.append(' ').append(noLeapHere(s.roles()));
        }
        return b.toString();
    }

    /** A module before the first full window: it has no cascaded path for a leap stack to sit on. */
    private static boolean noCascade(Selection s) {
        return !s.last() && s.roles() != null && s.roles().window() >= 1 && !s.roles().hasCascadeLoss();
    }

    private static String noLeapHere(ModulePlan r) {
        return "A leap stack sits on the cascaded path, and this module has none: its window of " + r.window()
                + " modules is not full before module " + (r.window() - 1) + ". The reference code builds one here"
                + " (A_0) that no loss ever reaches; the lab does not build it.";
    }

    private static String overrideText(ModuleOverride o) {
        List<String> set = new ArrayList<>();
        if (o != null) {
            for (ModuleSetting s : ModuleSetting.values()) {
                if (s.overridden(o) != null) {
                    set.add(s.title());
                }
            }
        }
        return set.isEmpty() ? "All from the method's defaults." : "Set for this module: " + String.join(", ", set);
    }

    /** One row of the sheet: reads what the module runs with, writes the module's override. */
    private final class SettingItem implements PropertySheet.Item {
        private final ModuleSetting setting;

        SettingItem(ModuleSetting setting) {
            this.setting = setting;
        }

        @Override
        public Class<?> getType() {
            return switch (setting) {
                case WX, WY, MOMENTUM -> Double.class;
                case WINDOW, EMA_TWINS -> Integer.class;
                default -> String.class;
            };
        }

        @Override
        public String getCategory() {
            return switch (setting) {
                case INDEPENDENT_HEAD, WX -> "independent head";
                case WINDOW, CASCADE_HEAD, WY -> "cascaded window (MLM)";
                default -> "leap aux (LAM)";
            };
        }

        @Override
        public String getName() {
            return setting.title();
        }

        @Override
        public String getDescription() {
            return setting.description();
        }

        @Override
        public Object getValue() {
            if (current == null) {
                return null;
            }
            Object own = setting.overridden(current.override());
            if (own != null) {
                return own;
            }
            return current.roles() == null ? null : setting.resolved(current.roles(), current.last(), current.inherited());
        }

        @Override
        public void setValue(Object value) {
            // Editors echo the value they were given when built: only a real change is an edit.
            if (current == null || value == null || Objects.equals(value, getValue())) {
                return;
            }
            edits.set(current.module(), setting, value);
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }

        PropertyEditor<?> editor() {
            return switch (setting) {
                case INDEPENDENT_HEAD, CASCADE_HEAD -> Editors.createChoiceEditor(this, HeadKind.ids());
                case WINDOW -> Editors.createChoiceEditor(this, List.of(0, 1, 2, 3));
                case EMA_TWINS -> Editors.createChoiceEditor(this, IntStream.rangeClosed(0,
                        Math.max(4, current == null ? 0 : current.leap().size())).boxed().toList());
                default -> new NumberEditor(this);
            };
        }
    }

    /** A number field that edits on Enter or when it loses focus, not on every key. */
    private static final class NumberEditor implements PropertyEditor<Object> {
        private final TextField field = new TextField();
        private final PropertySheet.Item item;

        NumberEditor(PropertySheet.Item item) {
            this.item = item;
            field.getStyleClass().add("number-editor");
            field.setOnAction(e -> commit());
            field.focusedProperty().addListener((obs, was, now) -> {
                if (!now) {
                    commit();
                }
            });
        }

        private void commit() {
            try {
                double v = Double.parseDouble(field.getText().trim());
                field.getStyleClass().remove("number-editor-wrong");
                item.setValue(v);
            } catch (NumberFormatException e) {
                if (!field.getStyleClass().contains("number-editor-wrong")) {
                    field.getStyleClass().add("number-editor-wrong");
                }
            }
        }

        @Override
        public Node getEditor() {
            return field;
        }

        @Override
        public Object getValue() {
            return field.getText();
        }

        @Override
        public void setValue(Object value) {
            field.setText(value == null ? "" : BigDecimal.valueOf(((Number) value).doubleValue())
                    .stripTrailingZeros().toPlainString());
        }
    }
}
