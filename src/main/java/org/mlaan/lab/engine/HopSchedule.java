package org.mlaan.lab.engine;

import java.util.Arrays;
import org.mlaan.lab.core.local.LocalPlan;
import org.mlaan.lab.core.local.ModulePlan;
import org.mlaan.lab.engine.LossFilter.Part;
import org.mlaan.lab.engine.net.Backbone;

/**
 * When the REUSE order backwards each module's kept graph (docs/decisions/0005, "fewest backward
 * passes"). A local loss's gradient arrives at a module output x_m with a number of hops still to
 * travel: 0 when it stops at the module's input v_m (an independent loss, the last module of a
 * window), h when it must go on through E_{m-1} .. E_{m-h}. By linearity the gradients that
 * arrive at the same x_m with the same hops can be summed and backwarded through E_m once; those
 * with different hops cannot, because what each leaves at v_m must travel on alone. So module m
 * is backwarded once per hop class that reaches it: with windows of w, w times for an interior
 * module (the reference order backwards it w + 1 times: its independent loss, its own window and
 * the w - 1 later windows that span it).
 *
 * <p>{@code due(m, h)} is the module after whose losses class (m, h) is complete: its own losses
 * arrive while module m runs, a class h >= 1 of x_{m+1} lands in class h - 1 of x_m when it is
 * backwarded.
 */
final class HopSchedule {
    static final int NONE = -1;

    private final int[][] due;
    private final int[] classes;
    private final int[] units;

    private HopSchedule(int[][] due, int[] units) {
        this.due = due;
        this.units = units;
        this.classes = new int[due.length];
        for (int m = 0; m < due.length; m++) {
            for (int d : due[m]) {
                if (d != NONE) {
                    classes[m]++;
                }
            }
        }
    }

    /** The schedule of every loss under {@code plan}. */
    static HopSchedule of(LocalPlan plan) {
        return of(plan, LossFilter.ALL);
    }

    /** The schedule of the losses {@code filter} selects under {@code plan} (tests choose). */
    static HopSchedule of(LocalPlan plan, LossFilter filter) {
        int k = plan.k();
        int width = 1;
        for (ModulePlan r : plan.modules()) {
            width = Math.max(width, r.window());
        }
        int[][] due = new int[k][width];
        for (int[] row : due) {
            Arrays.fill(row, NONE);
        }
        int[] units = new int[k];
        for (ModulePlan r : plan.modules()) {
            int j = r.index();
            units[j] = r.span().unitCount();
            if (j == k - 1) {
                if (filter.includes(j, Part.LAST_X) && !LocalStep.yOnly(plan)) {
                    arrive(due, j, 0, j);
                }
                if (plan.lastHasCascade() && filter.includes(j, Part.LAST_Y)) {
                    arrive(due, j, j - r.windowStart(), j);
                }
                continue;
            }
            if (r.hasIndependentLoss() && filter.includes(j, Part.INDEPENDENT)) {
                arrive(due, j, 0, j);
            }
            if (r.hasCascadeLoss() && filter.includes(j, Part.CASCADE)) {
                arrive(due, j, j - r.windowStart(), j);
            }
        }
        // Backwarding class (m, h >= 1) at its due time carries its gradient into (m - 1, h - 1).
        for (int m = k - 1; m >= 1; m--) {
            for (int h = 1; h < due[m].length; h++) {
                if (due[m][h] != NONE) {
                    arrive(due, m - 1, h - 1, due[m][h]);
                }
            }
        }
        return new HopSchedule(due, units);
    }

    private static void arrive(int[][] due, int m, int h, int when) {
        due[m][h] = Math.max(due[m][h], when);
    }

    /** The module after whose losses class (m, h) is complete, or {@link #NONE} when nothing reaches it. */
    int due(int m, int h) {
        return due[m][h];
    }

    int modules() {
        return due.length;
    }

    /** Backbone units of module m (the stem and the head count as units). */
    int units(int m) {
        return units[m];
    }

    /** The largest hop count plus one. */
    int hops() {
        return due[0].length;
    }

    /** Backward passes through E_m per step: one per hop class that reaches it. */
    int passes(int m) {
        return classes[m];
    }

    /** Whether E_m's input must collect a gradient (some class at m travels on). */
    boolean travelsOn(int m) {
        for (int h = 1; h < due[m].length; h++) {
            if (due[m][h] != NONE) {
                return true;
            }
        }
        return false;
    }

    /** Backbone unit backwards per step: each module's units once per hop class. */
    int unitBackwards() {
        int n = 0;
        for (int m = 0; m < units.length; m++) {
            n += units[m] * classes[m];
        }
        return n;
    }
}
