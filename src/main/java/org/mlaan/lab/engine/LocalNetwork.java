package org.mlaan.lab.engine;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mlaan.lab.core.local.AugLocalLayout;
import org.mlaan.lab.core.local.HeadKind;
import org.mlaan.lab.core.local.LeapRole;
import org.mlaan.lab.core.local.LocalPlan;
import org.mlaan.lab.core.local.ModulePlan;
import org.mlaan.lab.core.local.MomentumAuxKind;
import org.mlaan.lab.core.local.MomentumAuxRole;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.plan.TensorShape;
import org.mlaan.lab.data.Normalization;
import org.mlaan.lab.data.Seeds;
import org.mlaan.lab.engine.auxnet.AuxHead;
import org.mlaan.lab.engine.auxnet.AuxHeads;
import org.mlaan.lab.engine.auxnet.AuxParameters;
import org.mlaan.lab.engine.auxnet.InfoProDecoder;
import org.mlaan.lab.engine.auxnet.LeapStack;
import org.mlaan.lab.engine.auxnet.MomentumAux;
import org.mlaan.lab.engine.net.Backbone;

/**
 * A backbone cut into the modules of a {@link LocalPlan}, with every module's auxiliary networks
 * built (ALGORITHMS.md Part A.2, docs/decisions/0003): the independent head on x_i (behind the
 * MAN/MAN++ pair when the module has one), the cascaded head (behind the leap stack when there is
 * one), and InfoPro's decoders. Only components that some loss uses are built: a module whose
 * window is not yet full gets no leap stack or cascaded head (the reference code builds A_0 and
 * never uses it). The last module has no aux: it trains through the backbone's own head.
 *
 * <p>Aux weights depend on the seed alone: each module draws from its own stream split from one
 * seeded generator, each component from its own split of that. Copies made with
 * {@code copyInit = copy} equal the live blocks at construction, so build this after the backbone
 * is initialised (or loaded).
 */
public final class LocalNetwork {
    private static final long AUX_STREAM = 0x00A0_C5EEDL;

    private final LocalPlan plan;
    private final Backbone backbone;
    private final Normalization normalization;
    private final List<ModuleAux> modules;
    private final AuxParameters parameters = new AuxParameters();

    /**
     * The aux components of one module; null where the module has no such component.
     *
     * @param roles the module's roles
     * @param momentumAux the MAN/MAN++ pair on the next block, in front of the independent head
     * @param independentHead g_i, on x_i or on the MAN pair's output
     * @param independentDecoder InfoPro's decoder beside an InfoPro independent head
     * @param leap the leap stack A_i on the cascaded path
     * @param cascadeHead h_i, at the end of the cascaded path
     * @param cascadeDecoder InfoPro's decoder beside an InfoPro cascaded head
     */
    public record ModuleAux(ModulePlan roles, MomentumAux momentumAux, AuxHead independentHead,
            InfoProDecoder independentDecoder, LeapStack leap, AuxHead cascadeHead, InfoProDecoder cascadeDecoder) {

        /** Whether some component of this module has EMA twins. */
        public boolean hasTwins() {
            return momentumAux != null || (leap != null && !leap.twins().isEmpty());
        }
    }

    private LocalNetwork(LocalPlan plan, Backbone backbone, Normalization normalization) {
        this.plan = plan;
        this.backbone = backbone;
        this.normalization = normalization;
        this.modules = new ArrayList<>();
    }

    /**
     * Builds the aux networks of {@code plan} around {@code backbone} (same network plan), with
     * parameters in {@code manager}; {@code normalization} undoes the data's normalisation for
     * InfoPro's reconstruction target.
     *
     * @throws IllegalArgumentException when the plans differ or a component cannot be built
     */
    public static LocalNetwork create(LocalPlan plan, Backbone backbone, Normalization normalization, long seed,
            NDManager manager) {
        if (plan.network() != backbone.plan() && !plan.network().units().equals(backbone.plan().units())) {
            throw new IllegalArgumentException("the local plan is for " + plan.network() + ", the backbone is "
                    + backbone.plan());
        }
        LocalNetwork net = new LocalNetwork(plan, backbone, normalization);
        NetworkPlan network = backbone.plan();
        int classes = network.classes();
        TensorShape image = network.input();
        int k = plan.k();
        SplittableRandom root = new SplittableRandom(Seeds.mix(seed, AUX_STREAM));
        for (ModulePlan r : plan.modules()) {
            SplittableRandom random = root.split();
            // One split per component whether it is built or not, so a component's weights do not
            // depend on which other components the config switches on.
            SplittableRandom manRandom = random.split();
            SplittableRandom indRandom = random.split();
            SplittableRandom indDecRandom = random.split();
            SplittableRandom leapRandom = random.split();
            SplittableRandom cascRandom = random.split();
            SplittableRandom cascDecRandom = random.split();
            int i = r.index();
            if (i == k - 1) {
                net.modules.add(new ModuleAux(r, null, null, null, null, null, null));
                continue;
            }
            TensorShape out = network.unit(r.span().last()).out();
            MomentumAux man = null;
            AuxHead ind = null;
            InfoProDecoder indDec = null;
            LeapStack leap = null;
            AuxHead casc = null;
            InfoProDecoder cascDec = null;
            if (r.hasIndependentLoss()) {
                TensorShape features = out;
                if (r.momentumAux().isPresent()) {
                    MomentumAuxRole role = r.momentumAux().get();
                    MomentumAux.Variant v = role.kind() == MomentumAuxKind.MAN_PLUS_PLUS
                            ? MomentumAux.Variant.MAN_PLUS_PLUS : MomentumAux.Variant.MAN;
                    man = MomentumAux.create(backbone, r.span().last(), v, role.momentum(), plan.copyInit(), manRandom,
                            manager);
                    features = man.output();
                }
                HeadKind kind = r.independent().orElseThrow().head();
                ind = head(plan, kind, features, classes, r, indRandom, manager);
                if (kind.isInfoPro() && plan.decoder()) {
                    indDec = decoder(features, image, indDecRandom, manager);
                }
            }
            if (r.hasCascadeLoss()) {
                TensorShape features = out;
                if (r.leap().isPresent()) {
                    LeapRole role = r.leap().get();
                    leap = LeapStack.create(backbone, role.blocks(), role.emaTwins(), role.momentum(), plan.copyInit(),
                            leapRandom, manager);
                    features = leap.output();
                }
                HeadKind kind = r.cascade().orElseThrow().head();
                casc = head(plan, kind, features, classes, r, cascRandom, manager);
                if (kind.isInfoPro() && plan.decoder()) {
                    cascDec = decoder(features, image, cascDecRandom, manager);
                }
            }
            ModuleAux aux = new ModuleAux(r, man, ind, indDec, leap, casc, cascDec);
            net.modules.add(aux);
            net.register(i, aux);
        }
        return net;
    }

    private static AuxHead head(LocalPlan plan, HeadKind kind, TensorShape input, int classes, ModulePlan r,
            SplittableRandom random, NDManager manager) {
        AuxHead h = kind == HeadKind.AUGLOCAL
                ? AuxHeads.augLocal(plan.network(), r.span().last(),
                        AugLocalLayout.pyramidDepth(plan.augLocalDepth(), r.index(), plan.k()), random)
                : AuxHeads.create(kind, input, classes, random);
        h.initialize(manager);
        return h;
    }

    private static InfoProDecoder decoder(TensorShape features, TensorShape image, SplittableRandom random,
            NDManager manager) {
        InfoProDecoder d = new InfoProDecoder(features, image, random);
        d.initialize(manager);
        return d;
    }

    private void register(int i, ModuleAux a) {
        if (a.momentumAux() != null) {
            parameters.add(AuxParameters.prefix(i, "man"), a.momentumAux());
        }
        if (a.independentHead() != null) {
            parameters.add(AuxParameters.prefix(i, "ind"), a.independentHead());
        }
        if (a.independentDecoder() != null) {
            parameters.add(AuxParameters.prefix(i, "ind-decoder"), a.independentDecoder());
        }
        if (a.leap() != null) {
            parameters.add(AuxParameters.prefix(i, "leap"), a.leap());
        }
        if (a.cascadeHead() != null) {
            parameters.add(AuxParameters.prefix(i, "casc"), a.cascadeHead());
        }
        if (a.cascadeDecoder() != null) {
            parameters.add(AuxParameters.prefix(i, "casc-decoder"), a.cascadeDecoder());
        }
    }

    public LocalPlan plan() {
        return plan;
    }

    public Backbone backbone() {
        return backbone;
    }

    /** How the data was normalised (InfoPro's decoders reconstruct the un-normalised image). */
    public Normalization normalization() {
        return normalization;
    }

    /** Every module's aux components, in chain order (the last module's are all null). */
    public List<ModuleAux> modules() {
        return Collections.unmodifiableList(modules);
    }

    public ModuleAux module(int i) {
        return modules.get(i);
    }

    /** The aux parameters: trainable (for the optimiser), twins (for EMA), all (for checkpoints). */
    public AuxParameters auxParameters() {
        return parameters;
    }

    /** Whether some module has an InfoPro decoder (the step then builds the reconstruction target). */
    public boolean hasDecoder() {
        return modules.stream().anyMatch(m -> m.independentDecoder() != null || m.cascadeDecoder() != null);
    }

    /** The parameters one optimiser updates: the backbone's and every aux net's trainable ones (no twins). */
    public Map<String, Parameter> trainableParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>(backbone.trainableParameters());
        for (Map.Entry<String, Parameter> e : parameters.trainable().entrySet()) {
            if (out.put(e.getKey(), e.getValue()) != null) {
                throw new IllegalStateException("aux parameter " + e.getKey() + " collides with a backbone name");
            }
        }
        return out;
    }
}
