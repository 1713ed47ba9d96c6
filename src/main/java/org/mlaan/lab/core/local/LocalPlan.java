package org.mlaan.lab.core.local;

import java.util.List;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.plan.NetworkPlan;

/**
 * A network cut into modules, with every module's auxiliary roles: what the engine builds and
 * trains. BP is the plan with one module whose only role is the fc's loss.
 *
 * @param method the method name the plan came from
 * @param network the backbone's plan
 * @param modules every module's roles, in chain order; the last one holds the head
 * @param emaUpdate which twins are updated each step (Part A.4)
 * @param copyInit how leap and MAN copies start (Part A.4)
 * @param lastModuleLoss the last module's loss under a cascade (Part A.5)
 * @param decoder whether InfoPro heads add the reconstruction decoder
 * @param reuseEarlierBlocks whether leap lists may name blocks at or before their module (ImageNet tables)
 * @param augLocalDepth AugLocal's largest depth d
 * @param settings the method-wide values every module inherits unless its override says otherwise
 */
public record LocalPlan(
        Method method,
        NetworkPlan network,
        List<ModulePlan> modules,
        EmaUpdate emaUpdate,
        CopyInit copyInit,
        LastModuleLoss lastModuleLoss,
        boolean decoder,
        boolean reuseEarlierBlocks,
        int augLocalDepth,
        LocalSettings settings) {

    public LocalPlan {
        modules = List.copyOf(modules);
    }

    /** Number of modules K. */
    public int k() {
        return modules.size();
    }

    /** End-to-end backprop: one module, one loss. */
    public boolean isBackprop() {
        return modules.size() == 1;
    }

    public ModulePlan last() {
        return modules.get(modules.size() - 1);
    }

    /** Whether the last module's loss has a y path through a cascaded window (Part A.5). */
    public boolean lastHasCascade() {
        return !isBackprop() && last().window() >= 2;
    }

    /** The widest cascaded window of any module (how many modules one step's largest graph spans). */
    public int maxWindow() {
        return modules.stream().mapToInt(ModulePlan::window).max().orElse(0);
    }
}
