package org.mlaan.lab.ui.network;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.mlaan.lab.core.local.HeadKind;
import org.mlaan.lab.core.local.ModuleRoles;
import org.mlaan.lab.core.local.MomentumAuxKind;

/** The small labels that say which auxiliary roles a module trains with (ALGORITHMS.md Part A.2). */
final class ModuleChips {
    private ModuleChips() {}

    /** One chip per role of {@code r}; {@code compact} writes them short for narrow modules. */
    static List<Label> of(ModuleRoles r, boolean last, boolean compact) {
        List<Label> out = new ArrayList<>();
        if (last) {
            out.add(chip("fc", "chip-head", "the network's own head: CE on the last module's output (weight wx)"));
        } else if (r.hasIndependentLoss()) {
            out.add(chip(headLabel(r.independentHead(), compact), "chip-head",
                    "independent head " + r.independentHead().id() + ", weight wx = " + r.wx()));
        }
        boolean cascade = r.hasCascadeLoss() || (last && r.window() >= 2);
        if (!last && !r.hasIndependentLoss() && !cascade) {
            // Before the first full window the MLM code computes no loss (Part B §4): say so, so an
            // empty band does not read as a module nothing trains.
            out.add(chip(compact ? "–" : "no own loss", "chip-quiet",
                    "no loss of its own: before the first full window of " + r.window()
                            + " modules, this module trains through the later modules' cascaded windows"
                            + " (the reference code computes no loss here either)"));
        }
        if (cascade) {
            out.add(chip((compact ? "w" : "w=") + r.window(), "chip-window",
                    "cascaded window (MLM) over " + r.window() + " module(s), head " + r.cascadeHead().id()
                            + ", weight wy = " + r.wy()));
        }
        if (r.hasLeap()) {
            String ema = r.emaTwins() > 0 ? (compact ? "·E" : " · EMA") : "";
            out.add(chip((compact ? "L" : "leap ") + r.leap().size() + ema, "chip-leap",
                    "leap aux (LAM): copies of " + String.join(", ", r.leap())
                            + (r.emaTwins() > 0 ? "; the first " + r.emaTwins() + " with an EMA twin (m = "
                                    + r.momentum() + ")" : "; no EMA twin")));
        }
        if (r.momentumAux() != MomentumAuxKind.NONE) {
            String name = r.momentumAux() == MomentumAuxKind.MAN ? "MAN" : "MAN++";
            out.add(chip(name, "chip-man", name + ": trainable + EMA copy of the next block " + r.momentumBlock()));
        }
        return out;
    }

    static String headLabel(HeadKind k, boolean compact) {
        return switch (k) {
            case NONE -> "none";
            case PROBE -> "probe";
            case DGL -> "DGL";
            case INFOPRO_1C2F -> compact ? "IP" : "InfoPro";
            case INFOPRO_2C2F -> compact ? "IP2" : "InfoPro 2c2f";
            case AUGLOCAL -> compact ? "Aug" : "AugLocal";
        };
    }

    private static Label chip(String text, String kind, String tip) {
        Label l = new Label(text);
        l.getStyleClass().addAll("role-chip", kind);
        l.setTooltip(new Tooltip(tip));
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }
}
