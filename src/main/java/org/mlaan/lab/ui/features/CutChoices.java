package org.mlaan.lab.ui.features;

import java.util.ArrayList;
import java.util.List;
import org.mlaan.lab.core.local.LocalPlan;
import org.mlaan.lab.core.local.ModulePlan;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.plan.Unit;
import org.mlaan.lab.core.plan.UnitKind;

/**
 * The units whose outputs a feature-map view can show, labelled with where the split cuts the
 * network ("1.1 (cut: end of module 0)"), and the one to show first: the first module's output,
 * where a local method decides what its later modules can still see (MLAAN Figure 4), or stage 1's
 * last block when the network is not cut.
 */
public final class CutChoices {

    /** One entry of the cut picker. */
    public record Choice(String unit, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private CutChoices() {}

    /** Every tapped unit in chain order; the outputs of modules 0..K-2 say which module they end. */
    public static List<Choice> of(List<String> units, LocalPlan plan) {
        List<Choice> out = new ArrayList<>();
        for (String u : units) {
            int module = moduleEndingAt(u, plan);
            out.add(new Choice(u, module < 0 ? u : u + " (cut: end of module " + module + ")"));
        }
        return out;
    }

    /** The units a feature tap reports for {@code plan}: every unit but the head, in chain order. */
    public static List<String> tappedUnits(NetworkPlan plan) {
        List<String> out = new ArrayList<>();
        if (plan != null) {
            for (Unit u : plan.units()) {
                if (u.kind() != UnitKind.HEAD) {
                    out.add(u.name());
                }
            }
        }
        return out;
    }

    /** The module (other than the last) whose output {@code unit} is, or -1. */
    public static int moduleEndingAt(String unit, LocalPlan plan) {
        if (plan == null || plan.k() < 2) {
            return -1;
        }
        for (ModulePlan m : plan.modules()) {
            if (m.index() < plan.k() - 1 && m.span().lastName().equals(unit)) {
                return m.index();
            }
        }
        return -1;
    }

    /** The unit shown first: the first module's output when there are several modules, else stage 1's last block. */
    public static String defaultUnit(List<String> units, LocalPlan plan) {
        if (units.isEmpty()) {
            return null;
        }
        if (plan != null && plan.k() > 1) {
            String end = plan.modules().get(0).span().lastName();
            if (units.contains(end)) {
                return end;
            }
        }
        String lastOfStage1 = null;
        for (String u : units) {
            if (u.startsWith("1.")) {
                lastOfStage1 = u;
            }
        }
        return lastOfStage1 != null ? lastOfStage1 : units.get(Math.min(1, units.size() - 1));
    }
}
