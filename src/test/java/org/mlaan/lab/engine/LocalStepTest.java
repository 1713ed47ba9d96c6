package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.LocalConfig;
import org.mlaan.lab.core.config.SplitConfig;
import org.mlaan.lab.core.local.LastModuleLoss;
import org.mlaan.lab.core.local.LocalPlan;
import org.mlaan.lab.core.local.LocalPlanner;
import org.mlaan.lab.core.local.ModulePlan;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.run.RunFinished;
import org.mlaan.lab.core.run.RunListener;
import org.mlaan.lab.core.run.StepMetrics;
import org.mlaan.lab.data.Normalization;
import org.mlaan.lab.engine.auxnet.EmaTwin;
import org.mlaan.lab.engine.net.Backbone;
import org.mlaan.lab.engine.net.NoGrad;

/**
 * The proofs of ALGORITHMS.md Part A.4-A.6 on a small network: which parameters each local loss
 * reaches (gradient isolation), that backward-per-window equals one backward of the sum, the EMA
 * update inside a step, and the memory the step order saves.
 */
class LocalStepTest {
    /** ResNet-20 on 16x16, K = 4: E0 = stem..1.1, E1 = 1.2..2.0, E2 = 2.1..2.2, E3 = 3.0..head. */
    private static final List<String> CUTS = List.of("1.1", "2.0", "2.2");
    private static final int BATCH = 4;

    @BeforeAll
    static void noGradOutsideCollectors() {
        ai.djl.engine.Engine.getInstance();
        NoGrad.setDefaultOnThisThread();
    }

    /** A backbone with its aux nets, optimiser and step, in one manager. */
    private static final class Rig implements AutoCloseable {
        final NDManager root = NDManager.newBaseManager();
        final Backbone backbone;
        final LocalNetwork net;
        final NesterovSgd optimizer;
        final LocalStep step;

        Rig(ExperimentConfig config, NetworkPlan network) throws ConfigException {
            LocalPlan plan = LocalPlanner.resolve(config, network);
            backbone = Backbone.create(network, root.newSubManager(), 11);
            net = LocalNetwork.create(plan, backbone, Normalization.HALF, 11, root.newSubManager());
            optimizer = NesterovSgd.of(config.training(), net.trainableParameters(), root);
            step = new LocalStep(net, optimizer, new ParameterStore(root, false));
        }

        NDList batch(NDManager m, int seed, int size) {
            m.getEngine().setRandomSeed(seed);
            NDArray images = m.randomNormal(new Shape(BATCH, 3, size, size));
            NDArray labels = m.create(new float[] {0, 1, 2, 3}).toType(DataType.FLOAT32, false);
            return new NDList(images, labels);
        }

        LocalStep.Pass backward(LossFilter filter, LocalStep.Order order) {
            try (NDManager m = root.newSubManager()) {
                return step.backward(m, batch(m, 5, 16), filter, order);
            }
        }

        LocalStep.Pass summed() {
            try (NDManager m = root.newSubManager()) {
                return SummedOrder.backward(step, m, batch(m, 5, 16));
            }
        }

        /** Parameter groups: E<j> (backbone params of module j), m<i>.<component>, and "twins". */
        Map<String, List<Parameter>> groups() {
            Map<String, List<Parameter>> g = new LinkedHashMap<>();
            for (ModulePlan r : net.plan().modules()) {
                List<Parameter> ps = new ArrayList<>();
                for (int u = r.span().first(); u <= r.span().last(); u++) {
                    backbone.unit(u).getParameters().values().stream().filter(Parameter::requiresGradient)
                            .forEach(ps::add);
                }
                g.put("E" + r.index(), ps);
            }
            List<Parameter> twins = new ArrayList<>(net.auxParameters().twins().values());
            g.put("twins", twins);
            for (Map.Entry<String, Parameter> e : net.auxParameters().trainable().entrySet()) {
                String[] parts = e.getKey().split("\\.");
                g.computeIfAbsent(parts[1] + "." + parts[2], k -> new ArrayList<>()).add(e.getValue());
            }
            return g;
        }

        void zeroGrads() {
            for (Parameter p : all()) {
                PtNDArray g = JniUtils.getGradient((PtNDArray) p.getArray());
                if (g != null) {
                    g.close();
                    JniUtils.zeroGrad((PtNDArray) p.getArray());
                }
            }
        }

        List<Parameter> all() {
            List<Parameter> out = new ArrayList<>(net.trainableParameters().values());
            out.addAll(net.auxParameters().twins().values());
            return out;
        }

        /** Names of the groups with a non-zero gradient. */
        Set<String> reached() {
            Set<String> out = new TreeSet<>();
            for (Map.Entry<String, List<Parameter>> e : groups().entrySet()) {
                for (Parameter p : e.getValue()) {
                    if (l1(grad(p)) > 0) {
                        out.add(e.getKey());
                        break;
                    }
                }
            }
            return out;
        }

        Map<String, float[]> grads() {
            Map<String, float[]> out = new LinkedHashMap<>();
            for (Map.Entry<String, Parameter> e : net.trainableParameters().entrySet()) {
                float[] g = grad(e.getValue());
                out.put(e.getKey(), g == null ? new float[(int) e.getValue().getArray().size()] : g);
            }
            return out;
        }

        @Override
        public void close() {
            optimizer.close();
            root.close();
        }
    }

    private static float[] grad(Parameter p) {
        PtNDArray g = JniUtils.getGradient((PtNDArray) p.getArray());
        if (g == null) {
            return null;
        }
        try (g) {
            return g.toFloatArray();
        }
    }

    private static double l1(float[] g) {
        double s = 0;
        if (g != null) {
            for (float v : g) {
                s += Math.abs(v);
            }
        }
        return s;
    }

    private static ExperimentConfig config(String method, LocalConfig local) {
        ExperimentConfig c = TinyData.config("local", 1, BATCH, null).withMethod(method)
                .withSplit(SplitConfig.cuts(CUTS));
        return local == null ? c : c.withLocal(local);
    }

    /** Local settings: EMA policy, momentum and InfoPro weights (null = the method's default). */
    private static LocalConfig local(String emaUpdate, Double momentum, List<Double> lambdas) {
        return new LocalConfig(null, null, null, null, null, null, null, momentum, emaUpdate, null, null, null, null,
                lambdas, null, null, null);
    }

    private static final List<Double> ALL_ONE = List.of(1.0, 1.0, 1.0, 1.0);

    /**
     * For every local loss of {@code method} alone, the parameter groups it reaches: "i:part" to
     * the groups, as in ALGORITHMS.md Part B §4's "losses per module" table.
     */
    private static Map<String, Set<String>> reachedByEachLoss(String method) throws Exception {
        Map<String, Set<String>> reference = reachedByEachLoss(method, LocalStep.Order.REFERENCE);
        assertEquals(reference, reachedByEachLoss(method, LocalStep.Order.REUSE), method + " under REUSE");
        return reference;
    }

    private static Map<String, Set<String>> reachedByEachLoss(String method, LocalStep.Order order) throws Exception {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        try (Rig rig = new Rig(config(method, local(null, null, ALL_ONE)), NetworkPlan.of(Arch.RESNET20, 16, 4))) {
            int k = rig.net.plan().k();
            for (int i = 0; i < k; i++) {
                for (LossFilter.Part part : LossFilter.Part.values()) {
                    boolean lastPart = part == LossFilter.Part.LAST_X || part == LossFilter.Part.LAST_Y;
                    if (lastPart != (i == k - 1)) {
                        continue;
                    }
                    int module = i;
                    rig.zeroGrads();
                    LocalStep.Pass p = rig.backward((m, q) -> m == module && q == part, order);
                    if (!Double.isNaN(p.moduleLosses()[i])) {
                        out.put(i + ":" + part.name().toLowerCase(java.util.Locale.ROOT), rig.reached());
                    }
                }
            }
        }
        return out;
    }

    private static Map<String, Set<String>> table(String... rows) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String row : rows) {
            String[] kv = row.split("=");
            out.put(kv[0].trim(), new TreeSet<>(Arrays.asList(kv[1].trim().split(" "))));
        }
        return out;
    }

    // ALGORITHMS.md Part B §4 "losses per module" (w = 2: no loss at module 0), Part A.5 (last module, both paths).
    @Test
    void dglMlaanLossesReachExactlyTheirWindowAndTheirOwnAuxNets() throws Exception {
        assertEquals(table(
                "1:independent = E1 m1.ind",
                "1:cascade = E0 E1 m1.casc m1.leap",
                "2:independent = E2 m2.ind",
                "2:cascade = E1 E2 m2.casc m2.leap",
                "3:last_x = E3",
                "3:last_y = E2 E3"), reachedByEachLoss("DGL+MLAAN"));
    }

    @Test
    void dglLossesReachOnlyTheirModuleAndHead() throws Exception {
        assertEquals(table(
                "0:independent = E0 m0.ind",
                "1:independent = E1 m1.ind",
                "2:independent = E2 m2.ind",
                "3:last_x = E3"), reachedByEachLoss("DGL"));
    }

    @Test
    void infoProLossesReachTheirModuleHeadAndDecoder() throws Exception {
        assertEquals(table(
                "0:independent = E0 m0.ind m0.ind-decoder",
                "1:independent = E1 m1.ind m1.ind-decoder",
                "2:independent = E2 m2.ind m2.ind-decoder",
                "3:last_x = E3"), reachedByEachLoss("InfoPro"));
    }

    @Test
    void mlmCascadesSpanTwoModulesWithoutLeapStacks() throws Exception {
        assertEquals(table(
                "1:independent = E1 m1.ind",
                "1:cascade = E0 E1 m1.casc",
                "2:independent = E2 m2.ind",
                "2:cascade = E1 E2 m2.casc",
                "3:last_x = E3",
                "3:last_y = E2 E3"), reachedByEachLoss("DGL+MLM"));
    }

    @Test
    void lamCascadeStaysInsideItsModuleThroughTheLeapStack() throws Exception {
        assertEquals(table(
                "0:independent = E0 m0.ind",
                "0:cascade = E0 m0.casc m0.leap",
                "1:independent = E1 m1.ind",
                "1:cascade = E1 m1.casc m1.leap",
                "2:independent = E2 m2.ind",
                "2:cascade = E2 m2.casc m2.leap",
                "3:last_x = E3"), reachedByEachLoss("DGL+LAM"));
    }

    @Test
    void manLossesReachTheModuleItsMomentumPairHeadAndDecoderButNotTheNextModule() throws Exception {
        assertEquals(table(
                "0:independent = E0 m0.ind m0.ind-decoder m0.man",
                "1:independent = E1 m1.ind m1.ind-decoder m1.man",
                "2:independent = E2 m2.ind m2.ind-decoder m2.man",
                "3:last_x = E3"), reachedByEachLoss("MAN"));
    }

    // ALGORITHMS.md Part A.6: backward per window = one backward of the sum (same stop-gradients).
    @Test
    void backwardPerWindowEqualsOneBackwardOfTheSumForDglMlaan() throws Exception {
        assertOrderEquivalent("DGL+MLAAN");
    }

    @Test
    void backwardPerWindowEqualsOneBackwardOfTheSumForInfoProMlaan() throws Exception {
        assertOrderEquivalent("InfoPro+MLAAN");
    }

    private static void assertOrderEquivalent(String method) throws Exception {
        try (Rig rig = new Rig(config(method, local(null, null, ALL_ONE)), NetworkPlan.of(Arch.RESNET20, 16, 4))) {
            rig.zeroGrads();
            LocalStep.Pass reference = rig.backward(LossFilter.ALL, LocalStep.Order.REFERENCE);
            Map<String, float[]> perWindow = rig.grads();
            rig.zeroGrads();
            LocalStep.Pass summed = rig.summed();
            Map<String, float[]> once = rig.grads();
            assertArrayEquals(reference.moduleLosses(), summed.moduleLosses(), 1e-6);
            double worst = 0;
            double largest = 0;
            for (String name : perWindow.keySet()) {
                float[] a = perWindow.get(name);
                float[] b = once.get(name);
                for (int j = 0; j < a.length; j++) {
                    worst = Math.max(worst, Math.abs(a[j] - b[j]));
                    largest = Math.max(largest, Math.abs(a[j]));
                }
            }
            assertTrue(largest > 1e-3, "gradients were computed: " + largest);
            assertTrue(worst <= 1e-5, method + ": largest gradient difference " + worst);
            assertTrue(summed.peakBytes() > reference.peakBytes(), "summing keeps every window alive: "
                    + summed.peakBytes() + " vs " + reference.peakBytes());
        }
    }

    // ALGORITHMS.md Part A.8: fewer passes, same gradients.
    private static LocalConfig window(int w, String lastModuleLoss) {
        return new LocalConfig(null, null, w, null, null, null, null, null, null, null, lastModuleLoss, null, null,
                ALL_ONE, null, null, null);
    }

    @Test
    void reuseEqualsReferenceForDglMlm() throws Exception {
        assertReuseEqualsReference("DGL+MLM", local(null, null, ALL_ONE));
    }

    @Test
    void reuseEqualsReferenceForDglMlaan() throws Exception {
        assertReuseEqualsReference("DGL+MLAAN", local(null, null, ALL_ONE));
    }

    @Test
    void reuseEqualsReferenceForDglMlaanWithWindowThree() throws Exception {
        assertReuseEqualsReference("DGL+MLAAN", window(3, null));
    }

    @Test
    void reuseEqualsReferenceForDglMlmWithWindowThreeAndTheYPathAlone() throws Exception {
        assertReuseEqualsReference("DGL+MLM", window(3, "yOnly"));
    }

    @Test
    void reuseEqualsReferenceForInfoProMlaan() throws Exception {
        assertReuseEqualsReference("InfoPro+MLAAN", local(null, null, ALL_ONE));
    }

    @Test
    void reuseEqualsReferenceForMan() throws Exception {
        assertReuseEqualsReference("MAN", local(null, null, ALL_ONE));
    }

    /**
     * Each module's weighted loss is its heads' unweighted losses times their weights (ALGORITHMS.md
     * Part A.2, A.5): what the loss chart's per-head view shows is what trains, unscaled.
     */
    private static void assertHeadsAddUp(LocalPlan plan, LocalStep.Pass p, String what) {
        double[] own = p.heads().own();
        double[] cascade = p.heads().cascade();
        for (ModulePlan r : plan.modules()) {
            int i = r.index();
            boolean last = i == plan.k() - 1;
            double wx = last && !plan.lastHasCascade() ? 1 : r.wx();
            double wy = last && plan.lastModuleLoss() == LastModuleLoss.Y_ONLY ? 1 : r.wy();
            double sum = (Double.isNaN(own[i]) ? 0 : wx * own[i]) + (Double.isNaN(cascade[i]) ? 0 : wy * cascade[i]);
            if (Double.isNaN(own[i]) && Double.isNaN(cascade[i])) {
                assertTrue(Double.isNaN(p.moduleLosses()[i]), what + " module " + i + " has no head and no loss");
            } else {
                assertEquals(p.moduleLosses()[i], sum, 1e-4 * Math.max(1, Math.abs(sum)), what + " module " + i);
                assertTrue(Double.isNaN(own[i]) || own[i] > 0.5, what + " module " + i + ": an unweighted CE of 10"
                        + " classes near the start is about 2.3, got " + own[i]);
            }
        }
    }

    /**
     * One step's accumulated gradients on every trainable parameter (backbone and aux) and the
     * losses agree between REUSE and REFERENCE from the same weights and batch; each order's
     * counted block passes equal {@link LocalStep#blockPasses}, and REUSE makes fewer when a
     * window spans modules.
     */
    private static void assertReuseEqualsReference(String method, LocalConfig local) throws Exception {
        try (Rig rig = new Rig(config(method, local), NetworkPlan.of(Arch.RESNET20, 16, 4))) {
            LocalPlan plan = rig.net.plan();
            rig.zeroGrads();
            LocalStep.Pass reference = rig.backward(LossFilter.ALL, LocalStep.Order.REFERENCE);
            Map<String, float[]> expected = rig.grads();
            rig.zeroGrads();
            LocalStep.Pass reuse = rig.backward(LossFilter.ALL, LocalStep.Order.REUSE);
            Map<String, float[]> actual = rig.grads();
            assertArrayEquals(reference.moduleLosses(), reuse.moduleLosses(), 1e-5, method + " module losses");
            assertArrayEquals(reference.heads().own(), reuse.heads().own(), 1e-4, method + " own heads");
            assertArrayEquals(reference.heads().cascade(), reuse.heads().cascade(), 1e-4, method + " cascaded heads");
            assertHeadsAddUp(plan, reference, method + " REFERENCE");
            assertHeadsAddUp(plan, reuse, method + " REUSE");
            assertEquals(reference.finalLoss(), reuse.finalLoss(), 1e-5, method + " final loss");
            assertEquals(reference.correct(), reuse.correct());
            double worst = 0;
            double largest = 0;
            String where = "";
            for (String name : expected.keySet()) {
                float[] a = expected.get(name);
                float[] b = actual.get(name);
                for (int j = 0; j < a.length; j++) {
                    double d = Math.abs(a[j] - b[j]);
                    if (d > worst) {
                        worst = d;
                        where = name;
                    }
                    largest = Math.max(largest, Math.abs(a[j]));
                }
            }
            assertTrue(largest > 1e-3, "gradients were computed: " + largest);
            assertTrue(worst <= 1e-5, method + ": largest gradient difference " + worst + " at " + where);
            assertEquals(LocalStep.blockPasses(plan, LocalStep.Order.REFERENCE), reference.blockPasses(),
                    method + " reference block passes");
            assertEquals(LocalStep.blockPasses(plan, LocalStep.Order.REUSE), reuse.blockPasses(),
                    method + " reuse block passes");
            assertEquals(LocalStep.backwardPasses(plan, LocalStep.Order.REFERENCE), reference.backwardPasses(),
                    method + " reference block backwards");
            assertEquals(LocalStep.backwardPasses(plan, LocalStep.Order.REUSE), reuse.backwardPasses(),
                    method + " reuse block backwards");
            boolean spans = plan.modules().stream().anyMatch(r -> r.window() > 1);
            if (spans) {
                assertTrue(reuse.blockPasses() < reference.blockPasses(),
                        reuse.blockPasses() + " vs " + reference.blockPasses());
            } else {
                assertEquals(reference.blockPasses(), reuse.blockPasses());
            }
            // Fewer only where a module's independent loss meets the last window that spans it
            // (the K=16 test below); never more.
            assertTrue(reuse.backwardPasses() <= reference.backwardPasses(),
                    reuse.backwardPasses() + " backwards vs " + reference.backwardPasses());
        }
    }

    @Test
    void reuseMakesFewerBlockPassesOnTheKSixteenAndKFiftyFivePresets() throws Exception {
        for (String[] p : new String[][] {{"resnet32-k16", "RESNET32"}, {"resnet110-k55", "RESNET110"}}) {
            NetworkPlan network = NetworkPlan.of(Arch.valueOf(p[1]), 32, 10);
            ExperimentConfig c = TinyData.config("passes", 1, 8, null).withMethod("DGL+MLAAN")
                    .withSplit(SplitConfig.preset(p[0]));
            LocalPlan plan = LocalPlanner.resolve(c, network);
            int reference = LocalStep.blockPasses(plan, LocalStep.Order.REFERENCE);
            int reuse = LocalStep.blockPasses(plan, LocalStep.Order.REUSE);
            int referenceBack = LocalStep.backwardPasses(plan, LocalStep.Order.REFERENCE);
            int reuseBack = LocalStep.backwardPasses(plan, LocalStep.Order.REUSE);
            System.out.printf("block passes per step, %s DGL+MLAAN (K=%d): forward REFERENCE %d, REUSE %d;"
                    + " backward REFERENCE %d, REUSE %d%n", p[0], plan.k(), reference, reuse, referenceBack, reuseBack);
            assertTrue(reuse < reference, p[0] + ": " + reuse + " vs " + reference);
            assertTrue(reuseBack < referenceBack, p[0] + ": " + reuseBack + " vs " + referenceBack);
        }
    }

    /**
     * The fewest backwards (docs/decisions/0005): gradients that reach a module output with the same
     * hops still to go are summed and backwarded once, so an interior module is backwarded w times
     * (the reference: w + 1). Counted by hand for ResNet-32 K=16 under DGL+MLAAN, with windows of
     * 2 and 3: module 0 has no loss of its own and only the first window's gradient reaches it;
     * module 1 under w = 3 gets two windows; the last module its x and y losses.
     */
    @Test
    void reuseBackwardsEachModuleOncePerHopClass() throws Exception {
        NetworkPlan network = NetworkPlan.of(Arch.RESNET32, 32, 10);
        for (int w : new int[] {2, 3}) {
            ExperimentConfig c = TinyData.config("hops", 1, 8, null).withMethod("DGL+MLAAN")
                    .withSplit(SplitConfig.preset("resnet32-k16")).withLocal(window(w, null));
            LocalPlan plan = LocalPlanner.resolve(c, network);
            HopSchedule schedule = HopSchedule.of(plan, LossFilter.ALL);
            int k = plan.k();
            int[] expected = new int[k];
            for (int m = 0; m < k; m++) {
                expected[m] = m == 0 ? 1 : m == k - 1 ? 2 : Math.min(w, m + 1);
            }
            int[] actual = new int[k];
            for (int m = 0; m < k; m++) {
                actual[m] = schedule.passes(m);
            }
            assertArrayEquals(expected, actual, "backwards per module, w = " + w);
        }
    }

    @Test
    void reuseStepsKeepTheLiveArrayCountFlat() throws Exception {
        try (Rig rig = new Rig(config("DGL+MLAAN", null), NetworkPlan.of(Arch.RESNET20, 16, 4))) {
            LocalStep reuse = new LocalStep(rig.net, rig.optimizer, new ParameterStore(rig.root, false),
                    LocalStep.Order.REUSE);
            long early = 0;
            for (int s = 1; s <= 30; s++) {
                try (NDManager m = rig.root.newSubManager()) {
                    reuse.run(m, rig.batch(m, 40 + s, 16), 0.05);
                }
                if (s == 5) {
                    early = LiveArrays.count(rig.root);
                }
            }
            assertEquals(early, LiveArrays.count(rig.root), "arrays alive after step 5 and after step 30");
        }
    }

    // ALGORITHMS.md Part A.4: twin <- m*twin + (1-m)*live, live taken before the optimiser step.
    @Test
    void oneStepMovesEveryTwinToTheEmaOfTheLiveBlockBeforeTheOptimiserStep() throws Exception {
        float m = 0.9f;
        try (Rig rig = new Rig(config("DGL+MLAAN", local(null, (double) m, null)), NetworkPlan.of(Arch.RESNET20, 16, 4))) {
            List<float[]> old = new ArrayList<>();
            List<float[]> live = new ArrayList<>();
            List<Parameter> twinParams = new ArrayList<>();
            int stacks = 0;
            for (LocalNetwork.ModuleAux a : rig.net.modules()) {
                if (a.leap() == null) {
                    continue;
                }
                stacks++;
                for (EmaTwin t : a.leap().twins()) {
                    var liveBlock = rig.backbone.unit(rig.backbone.plan().indexOf(t.unit().name()));
                    Map<String, Parameter> liveParams = new LinkedHashMap<>();
                    liveBlock.getParameters().forEach(p -> liveParams.put(p.getKey(), p.getValue()));
                    for (Map.Entry<String, Parameter> e : t.averagedParameters().entrySet()) {
                        twinParams.add(e.getValue());
                        old.add(e.getValue().getArray().toFloatArray());
                        live.add(liveParams.get(e.getKey()).getArray().toFloatArray());
                    }
                }
            }
            assertEquals(2, stacks, "modules 1 and 2 have full windows and leap stacks");
            boolean liveMoved = false;
            try (NDManager s = rig.root.newSubManager()) {
                rig.step.run(s, rig.batch(s, 3, 16), 0.1);
            }
            for (int j = 0; j < twinParams.size(); j++) {
                float[] now = twinParams.get(j).getArray().toFloatArray();
                for (int v = 0; v < now.length; v++) {
                    float expected = m * old.get(j)[v] + (1 - m) * live.get(j)[v];
                    assertEquals(expected, now[v], 1e-6, "twin value " + v);
                }
            }
            // The optimiser did move the live blocks, so the twins used the values from before it.
            EmaTwin first = rig.net.modules().stream().filter(x -> x.leap() != null).findFirst().orElseThrow()
                    .leap().twins().get(0);
            Map<String, Parameter> liveNow = new LinkedHashMap<>();
            rig.backbone.unit(rig.backbone.plan().indexOf(first.unit().name())).getParameters()
                    .forEach(p -> liveNow.put(p.getKey(), p.getValue()));
            String firstName = first.averagedParameters().keySet().iterator().next();
            liveMoved = !Arrays.equals(live.get(0), liveNow.get(firstName).getArray().toFloatArray());
            assertTrue(liveMoved, "the optimiser step changed the live blocks");
        }
    }

    @Test
    void withMomentumOneTwinsStayBitForBitThroughStepsWeightDecayAndAll() throws Exception {
        try (Rig rig = new Rig(config("DGL+MLAAN", local(null, 1.0, null)), NetworkPlan.of(Arch.RESNET20, 16, 4))) {
            Map<String, float[]> before = values(rig.net.auxParameters().twins());
            assertFalse(before.isEmpty());
            assertTrue(java.util.Collections.disjoint(rig.net.trainableParameters().values(),
                    rig.net.auxParameters().twins().values()), "no twin is handed to the optimiser");
            for (int s = 0; s < 3; s++) {
                try (NDManager m = rig.root.newSubManager()) {
                    rig.step.run(m, rig.batch(m, 20 + s, 16), 0.1);
                }
            }
            Map<String, float[]> after = values(rig.net.auxParameters().twins());
            for (String name : before.keySet()) {
                assertArrayEquals(before.get(name), after.get(name), 0f, name);
            }
        }
    }

    @Test
    void lastOnlyPolicyUpdatesOnlyModuleKMinus2sTwins() throws Exception {
        try (Rig rig = new Rig(config("DGL+MLAAN", local("lastOnly", 0.9, null)), NetworkPlan.of(Arch.RESNET20, 16, 4))) {
            Map<String, float[]> before = values(rig.net.auxParameters().twins());
            try (NDManager m = rig.root.newSubManager()) {
                rig.step.run(m, rig.batch(m, 4, 16), 0.1);
            }
            Map<String, float[]> after = values(rig.net.auxParameters().twins());
            int k = rig.net.plan().k();
            Set<String> changed = new TreeSet<>();
            for (String name : before.keySet()) {
                if (!Arrays.equals(before.get(name), after.get(name))) {
                    changed.add(name.split("\\.")[1]);
                }
            }
            assertEquals(Set.of("m" + (k - 2)), changed);
        }
    }

    private static Map<String, float[]> values(Map<String, Parameter> params) {
        Map<String, float[]> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, v.getArray().toFloatArray()));
        return out;
    }

    @Test
    void dglMlaanRunFreesEveryStepsArrays() throws Exception {
        LoadedData400 d = new LoadedData400();
        int[] counts = new int[2];
        try (TrainingRun run = TrainingRun.create(TinyData.config("memory", 2, 4, 30).withMethod("DGL+MLAAN")
                .withSplit(SplitConfig.cuts(CUTS)), RunOptions.withoutFolder(), d.data)) {
            int parameterArrays = run.liveArrayCount();
            RunFinished f = run.run(new RunListener() {
                @Override
                public void onStep(StepMetrics s) {
                    if (s.globalStep() == 9) {
                        counts[0] = run.liveArrayCount();
                    } else if (s.globalStep() == 49) {
                        counts[1] = run.liveArrayCount();
                    }
                }
            });
            assertEquals(RunFinished.Status.COMPLETED, f.status());
            assertEquals(parameterArrays + run.localNetwork().trainableParameters().size(), counts[0],
                    "parameters plus one momentum buffer per trainable parameter");
        }
        assertEquals(counts[0], counts[1], "arrays alive at step 10 and at step 50");
    }

    private static final class LoadedData400 {
        final org.mlaan.lab.data.LoadedData data = TinyData.make(120, 8, 16, 4, 5);
    }

    // Part A.6: only one window's activations are alive at a time.
    @Test
    void dglMlaanStepPeakIsWellBelowBackpropsOnResNet32K16() throws Exception {
        NetworkPlan network = NetworkPlan.of(Arch.RESNET32, 32, 10);
        ExperimentConfig c = TinyData.config("k16", 1, 8, null).withMethod("DGL+MLAAN")
                .withSplit(SplitConfig.preset("resnet32-k16"));
        long[] peaks = new long[2];
        LocalStep.Order[] orders = {LocalStep.Order.REFERENCE, LocalStep.Order.REUSE};
        try (Rig rig = new Rig(c, network)) {
            for (int o = 0; o < 2; o++) {
                try (NDManager m = rig.root.newSubManager()) {
                    NDList batch = rig.batch(m, 1, 32);
                    batch.set(1, m.create(new float[] {0, 1, 2, 3, 4, 5, 6, 7}));
                    NDArray images = m.randomNormal(new Shape(8, 3, 32, 32));
                    peaks[o] = rig.step.backward(m, new NDList(images, batch.get(1)), LossFilter.ALL,
                            orders[o]).peakBytes();
                }
                rig.zeroGrads();
            }
        }
        System.out.printf("step peak of live tensors, resnet32 K=16 batch 8, DGL+MLAAN: REFERENCE %d, REUSE %d bytes%n",
                peaks[0], peaks[1]);
        assertTrue(peaks[1] <= 1.1 * peaks[0], "REUSE keeps about the reference's peak: " + peaks[1] + " vs "
                + peaks[0]);
        long local = Math.max(peaks[0], peaks[1]);
        long bp;
        try (NDManager root = NDManager.newBaseManager()) {
            Backbone b = Backbone.create(network, root.newSubManager(), 3);
            try (NesterovSgd opt = NesterovSgd.of(c.training(), b.trainableParameters(), root);
                    NDManager m = root.newSubManager()) {
                NDArray images = m.randomNormal(new Shape(8, 3, 32, 32));
                NDArray labels = m.create(new float[] {0, 1, 2, 3, 4, 5, 6, 7});
                bp = new BpStep(b, opt, new ParameterStore(root, false)).run(m, new NDList(images, labels), 0.1)
                        .liveBytes();
            }
        }
        System.out.printf("step peak of live tensors, resnet32 K=16 batch 8: BP %d bytes, DGL+MLAAN %d bytes (%.0f%%)%n",
                bp, local, 100.0 * local / bp);
        assertTrue(local < 0.6 * bp, "DGL+MLAAN " + local + " vs BP " + bp);
    }
}
