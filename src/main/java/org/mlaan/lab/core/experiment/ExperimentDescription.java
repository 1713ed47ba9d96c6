package org.mlaan.lab.core.experiment;

import java.util.ArrayList;
import java.util.List;
import org.mlaan.lab.core.local.LastModuleLoss;
import org.mlaan.lab.core.local.LocalPlan;
import org.mlaan.lab.core.local.ModulePlan;
import org.mlaan.lab.core.local.MomentumAuxKind;
import org.mlaan.lab.core.local.MomentumAuxRole;

/**
 * The resolved experiment as a run folder's {@code provenance.json} keeps it: what the config left
 * to defaults is written out, so a reader sees which roles and which step order trained the run
 * without the lab's code of that day (the order changes BatchNorm statistics, decision 0005).
 *
 * @param input the data shape the network was planned for, e.g. {@code 3x32x32, 10 classes}
 * @param stepOrder {@code reference} or {@code reuse}
 * @param modules every module's roles in chain order
 */
public record ExperimentDescription(String input, String stepOrder, List<Module> modules) {

    /**
     * One module's roles.
     *
     * @param units the module's first and last unit, e.g. {@code 1.2-2.0}
     * @param independentHead its own head ({@code none} where it has none) and weight
     * @param cascade its cascaded window ({@code none}, or {@code w=2 probe x0.999})
     * @param leap its leap blocks, the first {@code emaTwins} of them EMA twins
     * @param momentumAux MAN's momentum auxiliary ({@code none}, {@code man} or {@code man++})
     */
    public record Module(String units, String independentHead, String cascade, List<String> leap, int emaTwins,
            String momentumAux) {}

    static ExperimentDescription of(Experiment e) {
        List<Module> modules = new ArrayList<>();
        LocalPlan plan = e.plan();
        for (ModulePlan m : plan.modules()) {
            String units = m.span().firstName() + (m.span().first() == m.span().last() ? "" : "-" + m.span().lastName());
            String own;
            String cascade;
            if (m.index() == plan.k() - 1) {
                // The last module trains through the network's own fc (Part A.5): x loss, y path, or both.
                boolean x = plan.isBackprop() || !plan.lastHasCascade() || plan.lastModuleLoss() != LastModuleLoss.Y_ONLY;
                own = x ? "fc x" + (plan.lastHasCascade() ? m.wx() : 1.0) : "none";
                cascade = plan.lastHasCascade() ? "w=" + m.window() + " fc x" + m.wy() : "none";
            } else {
                own = m.independent().map(r -> r.head().id() + " x" + r.wx()).orElse("none");
                cascade = m.cascade().filter(r -> m.hasCascadeLoss())
                        .map(r -> "w=" + r.window() + " " + r.head().id() + " x" + r.wy()).orElse("none");
            }
            String man = m.momentumAux().map(MomentumAuxRole::kind).orElse(MomentumAuxKind.NONE).id();
            modules.add(new Module(units, own, cascade, m.leapBlocks(), m.emaTwins(), man));
        }
        return new ExperimentDescription(e.data().toString(), e.order().id(), modules);
    }
}
