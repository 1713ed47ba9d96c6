package org.mlaan.lab.cli;

import java.util.List;
import java.util.Locale;
import org.mlaan.lab.engine.OpProfile;
import org.mlaan.lab.engine.StepProfile;

/** {@code bench --profile}'s text: one step's phases, then its top ops by self time. */
final class StepProfileTable {
    private StepProfileTable() {}

    static String of(String method, StepProfile p, int top) {
        String nl = System.lineSeparator();
        double total = p.totalMillis();
        StringBuilder sb = new StringBuilder(nl).append(String.format(Locale.ROOT,
                "%s: one profiled step, %.1f ms (the profiler itself slows it)%n", method, total));
        sb.append(String.format(Locale.ROOT, "  %-26s %10s %7s%n", "phase", "ms", "share"));
        for (StepProfile.Phase ph : p.phases()) {
            sb.append(String.format(Locale.ROOT, "  %-26s %10.1f %6.1f%%%n", ph.name(), ph.millis(),
                    total > 0 ? 100 * ph.millis() / total : 0));
        }
        List<OpProfile.Op> ops = p.ops();
        double self = ops.stream().mapToDouble(OpProfile.Op::selfMillis).sum();
        int calls = ops.stream().mapToInt(OpProfile.Op::calls).sum();
        sb.append(String.format(Locale.ROOT, "  top ops by self time (%d op calls, %.1f ms in ops):%n", calls, self));
        sb.append(String.format(Locale.ROOT, "  %-44s %7s %10s %10s%n", "op", "calls", "self ms", "total ms"));
        for (OpProfile.Op op : ops.subList(0, Math.min(top, ops.size()))) {
            sb.append(String.format(Locale.ROOT, "  %-44s %7d %10.1f %10.1f%n", op.name(), op.calls(), op.selfMillis(),
                    op.totalMillis()));
        }
        return sb.toString();
    }
}
