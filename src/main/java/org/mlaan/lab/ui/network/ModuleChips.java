package org.mlaan.lab.ui.network;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.mlaan.lab.core.local.HeadKind;
import org.mlaan.lab.core.local.CascadeRole;
import org.mlaan.lab.core.local.IndependentRole;
import org.mlaan.lab.core.local.LeapRole;
import org.mlaan.lab.core.local.ModulePlan;
import org.mlaan.lab.core.local.MomentumAuxKind;
import org.mlaan.lab.core.local.MomentumAuxRole;

/** The small labels that say which auxiliary roles a module trains with (ALGORITHMS.md Part A.2). */
final class ModuleChips {
    private ModuleChips() {}

    /** One chip per role of {@code r}; {@code compact} writes them short for narrow modules. */
    static List<Label> of(ModulePlan r, boolean last, boolean compact) {
        List<Label> out = new ArrayList<>();
        if (last) {
            out.add(chip("fc", "chip-head", "the network's own head: CE on the last module's output (weight wx)"));
        } else if (r.hasIndependentLoss()) {
            IndependentRole own = r.independent().orElseThrow();
            out.add(chip(headLabel(own.head(), compact), "chip-head",
                    "independent head " + own.head().id() + ", weight wx = " + own.wx()));
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
            CascadeRole c = r.cascade().orElseThrow();
            out.add(chip((compact ? "w" : "w=") + c.window(), "chip-window",
                    "cascaded window (MLM) over " + c.window() + " module(s), head " + c.head().id()
                            + ", weight wy = " + c.wy()));
        }
        if (r.leap().isPresent()) {
            LeapRole leap = r.leap().get();
            String ema = leap.emaTwins() > 0 ? (compact ? "·E" : " · EMA") : "";
            out.add(chip((compact ? "L" : "leap ") + leap.blocks().size() + ema, "chip-leap",
                    "leap aux (LAM): copies of " + String.join(", ", leap.blocks())
                            + (leap.emaTwins() > 0 ? "; the first " + leap.emaTwins() + " with an EMA twin (m = "
                                    + leap.momentum() + ")" : "; no EMA twin")));
        }
        if (r.momentumAux().isPresent()) {
            MomentumAuxRole man = r.momentumAux().get();
            String name = man.kind() == MomentumAuxKind.MAN ? "MAN" : "MAN++";
            out.add(chip(name, "chip-man", name + ": trainable + EMA copy of the next block " + man.nextBlock()));
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
