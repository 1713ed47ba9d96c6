package org.mlaan.lab.ui.network;

import java.util.List;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.ModuleOverride;
import org.mlaan.lab.core.experiment.SplitEditing;
import org.mlaan.lab.core.local.CascadeRole;
import org.mlaan.lab.core.local.HeadKind;
import org.mlaan.lab.core.local.IndependentRole;
import org.mlaan.lab.core.local.LeapRole;
import org.mlaan.lab.core.local.LocalSettings;
import org.mlaan.lab.core.local.ModulePlan;
import org.mlaan.lab.core.local.MomentumAuxRole;

/**
 * One per-module setting that the inspector edits: how it reads from a module's resolved roles
 * and how it is written into that module's {@link ModuleOverride} ({@code local.modules}).
 */
enum ModuleSetting {
    INDEPENDENT_HEAD("independent head", "head on the module's own output (local.modules[].independentHead)"),
    WX("weight wx", "weight of the independent loss (local.modules[].wx)"),
    WINDOW("cascade window w", "cascaded window (MLM): 0 none, 1 the module's own output, 2 or 3 modules"),
    CASCADE_HEAD("cascade head", "head of the cascaded path (local.modules[].cascadeHead)"),
    WY("weight wy", "weight of the cascaded loss (local.modules[].wy)"),
    EMA_TWINS("EMA twins", "leading leap blocks that get an EMA twin (local.modules[].emaTwins)"),
    MOMENTUM("EMA momentum", "EMA momentum m of this module's twins (local.modules[].momentum)"),
    LEAP("leap blocks", "later blocks the leap aux copies (local.modules[].leap); [] turns it off");

    private final String title;
    private final String description;

    ModuleSetting(String title, String description) {
        this.title = title;
        this.description = description;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    /**
     * The value the module runs with, from its resolved roles; where it lacks the role, the value
     * it would take on, which is the method-wide one ({@code inherited}: no override reaches here,
     * the inspector shows an override first). The last module's heads are the fc's, shown as none.
     */
    Object resolved(ModulePlan r, boolean last, LocalSettings inherited) {
        return switch (this) {
            case INDEPENDENT_HEAD -> r.independent().map(IndependentRole::head).orElse(HeadKind.NONE).id();
            case WX -> r.independent().map(IndependentRole::wx).orElse(inherited.wx());
            case WINDOW -> r.window();
            case CASCADE_HEAD -> r.cascade().map(CascadeRole::head)
                    .orElse(last ? HeadKind.NONE : inherited.cascadeHead()).id();
            case WY -> r.cascade().map(CascadeRole::wy).orElse(inherited.wy());
            case EMA_TWINS -> r.emaTwins();
            case MOMENTUM -> r.leap().map(LeapRole::momentum)
                    .or(() -> r.momentumAux().map(MomentumAuxRole::momentum)).orElse(inherited.momentum());
            case LEAP -> r.leapBlocks();
        };
    }

    /** The value the override sets, or null when it leaves the setting to the method. */
    Object overridden(ModuleOverride o) {
        if (o == null) {
            return null;
        }
        return switch (this) {
            case INDEPENDENT_HEAD -> o.independentHead();
            case WX -> o.wx();
            case WINDOW -> o.window();
            case CASCADE_HEAD -> o.cascadeHead();
            case WY -> o.wy();
            case EMA_TWINS -> o.emaTwins();
            case MOMENTUM -> o.momentum();
            case LEAP -> o.leap();
        };
    }

    /** {@code o} (or an empty override of {@code module}) with this setting set to {@code value}. */
    @SuppressWarnings("unchecked")
    ModuleOverride write(ModuleOverride o, int module, Object value) {
        ModuleOverride b = o == null ? empty(module) : o;
        return switch (this) {
            case INDEPENDENT_HEAD -> new ModuleOverride(b.module(), (String) value, b.wx(), b.window(), b.cascadeHead(),
                    b.wy(), b.leap(), b.emaTwins(), b.momentum());
            case WX -> new ModuleOverride(b.module(), b.independentHead(), toDouble(value), b.window(), b.cascadeHead(),
                    b.wy(), b.leap(), b.emaTwins(), b.momentum());
            case WINDOW -> new ModuleOverride(b.module(), b.independentHead(), b.wx(), toInt(value), b.cascadeHead(),
                    b.wy(), b.leap(), b.emaTwins(), b.momentum());
            case CASCADE_HEAD -> new ModuleOverride(b.module(), b.independentHead(), b.wx(), b.window(), (String) value,
                    b.wy(), b.leap(), b.emaTwins(), b.momentum());
            case WY -> new ModuleOverride(b.module(), b.independentHead(), b.wx(), b.window(), b.cascadeHead(),
                    toDouble(value), b.leap(), b.emaTwins(), b.momentum());
            case EMA_TWINS -> new ModuleOverride(b.module(), b.independentHead(), b.wx(), b.window(), b.cascadeHead(),
                    b.wy(), b.leap(), toInt(value), b.momentum());
            case MOMENTUM -> new ModuleOverride(b.module(), b.independentHead(), b.wx(), b.window(), b.cascadeHead(),
                    b.wy(), b.leap(), b.emaTwins(), toDouble(value));
            case LEAP -> new ModuleOverride(b.module(), b.independentHead(), b.wx(), b.window(), b.cascadeHead(),
                    b.wy(), value == null ? null : List.copyOf((List<String>) value), b.emaTwins(), b.momentum());
        };
    }

    /** {@code c} with this setting of module {@code module} written into its override (replacing the old one). */
    ExperimentConfig writeInto(ExperimentConfig c, int module, Object value) {
        return SplitEditing.withOverride(c, write(SplitEditing.overrideOf(c, module), module, value));
    }

    /** An override of {@code module} that changes nothing. */
    static ModuleOverride empty(int module) {
        return new ModuleOverride(module, null, null, null, null, null, null, null, null);
    }

    private static Double toDouble(Object v) {
        return v == null ? null : ((Number) v).doubleValue();
    }

    private static Integer toInt(Object v) {
        return v == null ? null : ((Number) v).intValue();
    }
}
