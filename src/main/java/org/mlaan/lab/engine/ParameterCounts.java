package org.mlaan.lab.engine;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlaan.lab.core.local.ModulePlan;
import org.mlaan.lab.engine.auxnet.AuxComponent;
import org.mlaan.lab.engine.net.Backbone;

/**
 * How many weights each module of a built local network trains and averages, part by part, so
 * the lab's networks can be held to the reference code's (ALGORITHMS.md Part A.2 correction:
 * DGL+MLAAN on ResNet-32 K=16 trained 13.2 M weights with DGL heads, the reference 3.6 M). Counts
 * are values, as PyTorch's {@code numel}: BN running statistics are buffers and are not counted.
 *
 * @param modules one row per module, in chain order
 */
public record ParameterCounts(List<Module> modules) {

    /**
     * One module's counts.
     *
     * @param module index
     * @param first first unit's name
     * @param last last unit's name
     * @param backbone the module's own backbone units (the last module includes the classifier)
     * @param independentHead g_i
     * @param independentDecoder InfoPro's decoder beside g_i
     * @param momentumAux MAN/MAN++: the trainable copy of the next block (and MAN++'s scale)
     * @param momentumTwin MAN/MAN++: the EMA copy of the next block
     * @param leap the leap stack's trainable copies
     * @param leapTwins the leap stack's EMA twins
     * @param cascadeHead h_i
     * @param cascadeDecoder InfoPro's decoder beside h_i
     */
    public record Module(int module, String first, String last, long backbone, long independentHead,
            long independentDecoder, long momentumAux, long momentumTwin, long leap, long leapTwins,
            long cascadeHead, long cascadeDecoder) {

        /** Everything the optimiser updates for this module. */
        public long trainable() {
            return backbone + independentHead + independentDecoder + momentumAux + leap + cascadeHead
                    + cascadeDecoder;
        }

        /** Everything EMA-averaged for this module (never touched by the optimiser). */
        public long twins() {
            return momentumTwin + leapTwins;
        }
    }

    /** The counts of {@code net}, module by module. */
    public static ParameterCounts of(LocalNetwork net) {
        List<Module> rows = new ArrayList<>();
        for (LocalNetwork.ModuleAux a : net.modules()) {
            ModulePlan r = a.roles();
            rows.add(new Module(r.index(), r.span().firstName(), r.span().lastName(),
                    backbone(net.backbone(), r.span().first(), r.span().last()),
                    trainable(a.independentHead()), trainable(a.independentDecoder()),
                    trainable(a.momentumAux()), twins(a.momentumAux()), trainable(a.leap()), twins(a.leap()),
                    trainable(a.cascadeHead()), trainable(a.cascadeDecoder())));
        }
        return new ParameterCounts(List.copyOf(rows));
    }

    /** End-to-end backprop: one module, the whole backbone. */
    public static ParameterCounts ofBackprop(Backbone backbone) {
        int last = backbone.numUnits() - 1;
        return new ParameterCounts(List.of(new Module(0, backbone.unit(0).unit().name(),
                backbone.unit(last).unit().name(), backbone(backbone, 0, last), 0, 0, 0, 0, 0, 0, 0, 0)));
    }

    /** Every module's trainable values: what one optimiser step updates. */
    public long trainable() {
        return modules.stream().mapToLong(Module::trainable).sum();
    }

    /** Every module's EMA-averaged values. */
    public long twins() {
        return modules.stream().mapToLong(Module::twins).sum();
    }

    /** The backbone's trainable values (the network that is kept after training). */
    public long backbone() {
        return modules.stream().mapToLong(Module::backbone).sum();
    }

    private static long backbone(Backbone b, int from, int to) {
        long n = 0;
        for (int u = from; u <= to; u++) {
            for (Pair<String, Parameter> p : b.unit(u).getParameters()) {
                if (p.getValue().requiresGradient()) {
                    n += p.getValue().getArray().getShape().size();
                }
            }
        }
        return n;
    }

    private static long trainable(AuxComponent c) {
        return c == null ? 0 : values(c.trainableParameters());
    }

    private static long twins(AuxComponent c) {
        return c == null ? 0 : values(c.twinParameters());
    }

    private static long values(Map<String, Parameter> map) {
        return map.values().stream().mapToLong(p -> p.getArray().getShape().size()).sum();
    }
}
