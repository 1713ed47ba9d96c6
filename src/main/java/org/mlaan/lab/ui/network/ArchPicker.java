package org.mlaan.lab.ui.network;

import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.mlaan.lab.core.plan.Arch;

/** Picks the backbone ({@code network.arch}). */
final class ArchPicker extends ComboBox<Arch> {
    private boolean quiet;

    ArchPicker(Consumer<Arch> onPick) {
        super(FXCollections.observableArrayList(Arch.values()));
        setId("arch-picker");
        setVisibleRowCount(Arch.values().length);
        setConverter(new StringConverter<>() {
            @Override
            public String toString(Arch a) {
                return a == null ? "" : a.id();
            }

            @Override
            public Arch fromString(String s) {
                return Arch.parse(s);
            }
        });
        setTooltip(new Tooltip("The network; cuts and a preset that do not fit the new one are dropped."));
        valueProperty().addListener((obs, old, now) -> {
            if (!quiet && now != null && now != old) {
                onPick.accept(now);
            }
        });
    }

    /** Shows {@code a} without applying it. */
    void show(Arch a) {
        quiet = true;
        try {
            setValue(a);
        } finally {
            quiet = false;
        }
    }
}
