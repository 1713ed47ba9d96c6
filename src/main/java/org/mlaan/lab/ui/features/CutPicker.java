package org.mlaan.lab.ui.features;

import java.util.List;
import java.util.Objects;
import javafx.scene.control.ComboBox;
import org.mlaan.lab.core.local.LocalPlan;

/**
 * The combo box that chooses which unit's output the maps show. It follows the default cut of
 * {@link CutChoices} until the user picks one, and keeps the user's pick while new maps arrive
 * and while the split changes (as long as that unit still exists).
 */
public final class CutPicker extends ComboBox<CutChoices.Choice> {
    private List<CutChoices.Choice> choices = List.of();
    private boolean updating;
    private boolean userChose;

    public CutPicker() {
        getStyleClass().add("cut-picker");
        setPromptText("cut");
        // On the value, not the selection: the combo box sets its value from the selection before
        // the selection's later listeners run, and views redraw on the value.
        valueProperty().addListener((obs, old, now) -> {
            if (!updating && now != null) {
                userChose = true;
            }
        });
    }

    /** Offers the units of the latest maps, labelled by {@code plan}'s cuts. */
    public void update(List<String> units, LocalPlan plan) {
        List<CutChoices.Choice> next = CutChoices.of(units, plan);
        String keep = selectedUnit();
        if (!userChose || keep == null || !units.contains(keep)) {
            keep = CutChoices.defaultUnit(units, plan);
        }
        updating = true;
        try {
            if (!next.equals(choices)) {
                choices = next;
                getItems().setAll(next);
            }
            for (CutChoices.Choice c : next) {
                if (c.unit().equals(keep) && !Objects.equals(getValue(), c)) {
                    getSelectionModel().select(c);
                }
            }
        } finally {
            updating = false;
        }
    }

    /** Selects {@code unit} as the user would. */
    public void choose(String unit) {
        for (CutChoices.Choice c : getItems()) {
            if (c.unit().equals(unit)) {
                getSelectionModel().select(c);
                return;
            }
        }
        throw new IllegalArgumentException("no unit " + unit + " among " + getItems());
    }

    /** The unit shown, or null before any maps. */
    public String selectedUnit() {
        CutChoices.Choice c = getValue();
        return c == null ? null : c.unit();
    }
}
