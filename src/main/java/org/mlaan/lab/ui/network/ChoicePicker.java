package org.mlaan.lab.ui.network;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.plan.Arch;

/**
 * A drop-down of the split editor's toolbar whose pick applies at once: the backbone
 * ({@code network.arch}) or the method. {@link #show} sets the value the config already has
 * without applying it again.
 */
final class ChoicePicker<T> extends ComboBox<T> {
    private boolean quiet;

    private ChoicePicker(String id, List<T> choices, Function<T, String> name, Function<String, T> parse,
            String tooltip, Consumer<T> onPick) {
        super(FXCollections.observableArrayList(choices));
        setId(id);
        getStyleClass().add(id);
        setVisibleRowCount(choices.size());
        setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : name.apply(t);
            }

            @Override
            public T fromString(String s) {
                return parse.apply(s);
            }
        });
        setTooltip(new Tooltip(tooltip));
        valueProperty().addListener((obs, old, now) -> {
            if (!quiet && now != null && now != old) {
                onPick.accept(now);
            }
        });
    }

    /** Picks the backbone; cuts and a preset that do not fit the new one are dropped. */
    static ChoicePicker<Arch> arch(Consumer<Arch> onPick) {
        return new ChoicePicker<>("arch-picker", List.of(Arch.values()), Arch::id, Arch::parse,
                "The network; cuts and a preset that do not fit the new one are dropped.", onPick);
    }

    /** Picks a method: a whole combination of auxiliary roles applied at once. */
    static ChoicePicker<Method> method(Consumer<Method> onPick) {
        return new ChoicePicker<>("method-picker", List.of(Method.values()), Method::label, Method::parse,
                "Applies the method's roles to every module (per-module edits are cleared).", onPick);
    }

    /** Shows {@code value} without applying it (the config already says so). */
    void show(T value) {
        quiet = true;
        try {
            setValue(value);
        } finally {
            quiet = false;
        }
    }
}
