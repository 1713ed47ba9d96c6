package org.mlaan.lab.ui.network;

import java.util.function.Consumer;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.mlaan.lab.core.config.Method;

/** Picks a method: a whole combination of auxiliary roles applied at once. */
final class MethodPicker extends ComboBox<Method> {
    private boolean quiet;

    MethodPicker(Consumer<Method> onPick) {
        super(javafx.collections.FXCollections.observableArrayList(Method.values()));
        setId("method-picker");
        getStyleClass().add("method-picker");
        setVisibleRowCount(Method.values().length);
        setConverter(new StringConverter<>() {
            @Override
            public String toString(Method m) {
                return m == null ? "" : m.label();
            }

            @Override
            public Method fromString(String s) {
                return Method.parse(s);
            }
        });
        setTooltip(new Tooltip("Applies the method's roles to every module (per-module edits are cleared)."));
        valueProperty().addListener((obs, old, now) -> {
            if (!quiet && now != null && now != old) {
                onPick.accept(now);
            }
        });
    }

    /** Shows {@code m} without applying it (the config already says so). */
    void show(Method m) {
        quiet = true;
        try {
            setValue(m);
        } finally {
            quiet = false;
        }
    }
}
