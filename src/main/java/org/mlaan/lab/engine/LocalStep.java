package org.mlaan.lab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mlaan.lab.core.experiment.StepOrder;
import org.mlaan.lab.core.local.EmaUpdate;
import org.mlaan.lab.core.local.LastModuleLoss;
import org.mlaan.lab.core.local.LocalPlan;
import org.mlaan.lab.core.local.ModulePlan;
import org.mlaan.lab.engine.LossFilter.Part;
import org.mlaan.lab.engine.auxnet.AuxHead;
import org.mlaan.lab.engine.auxnet.InfoProDecoder;
import org.mlaan.lab.engine.auxnet.ReconstructionLoss;
import org.mlaan.lab.engine.net.Backbone;
import org.mlaan.lab.engine.net.NoGrad;

/**
 * One local-learning step over the modules of a {@link LocalNetwork}, in the order of
 * ALGORITHMS.md Part A.6 (the reference code's order, Part B §4-§6):
 *
 * <ol>
 *   <li>for i = 0..K-2: x_i = E_i(detach(x_{i-1})), x_{-1} = the images; loss_i = wx * L(g_i(x_i))
 *       (through the MAN pair when there is one) + wy * L(h_i(A_i(z))) once the module's window is
 *       full, where z = E_i(..E_{i-w+1}(detach(x_{i-w}))..) is the window forwarded afresh (z = x_i
 *       for w = 1); backward loss_i at once;
 *   <li>the last module: CE(fc(x)), or with a window of 2 or 3 (Part A.5) wx * CE(fc(x)) +
 *       wy * CE(fc(y)) with y the window from detach(x_{K-1-w}), or CE(fc(y)) alone ({@code yOnly});
 *   <li>after the only gradient collector has closed: the EMA update of the twins from the live
 *       backbone blocks (Part A.4: every twin, or module K-2's alone for {@code lastOnly}), then
 *       one optimiser step over the backbone and every aux net's trainable parameters.
 * </ol>
 *
 * An InfoPro head's loss is lambdaRecon * BCE(decoder(f), un-normalised images) + lambdaCls *
 * CE(head(f)); other heads' is CE.
 *
 * <p>Memory (Part A.6): each module works in its own sub-manager of the step manager, closed right
 * after its backward; only the detached outputs that later modules read are kept in the step
 * manager, and each is freed once no later window starts from it. When the window spans earlier
 * modules (w >= 2), the x path's loss is backwarded and its sub-manager closed before the window is
 * forwarded: the two graphs are disjoint, so the accumulated gradients are those of one backward of
 * loss_i (DJL would otherwise keep the x path's arrays alive until the module ends, which the
 * reference's PyTorch frees on backward). The step's peak is the largest number of live bytes
 * under the step manager just before a sub-manager closes.
 *
 * <p>BatchNorm (Part A.8): every forward runs in training mode, so running statistics are updated
 * on every pass. With w = 2 an interior module runs three times per step (its x path, its own
 * window and the next module's window), as the reference code's x, y and z paths (Part B §4: three
 * updates per step); the last module twice (x and y).
 *
 * <p>Orders (docs/decisions/0005): the above is {@link Order#REFERENCE}. {@link Order#REUSE}, the
 * default ({@code -Dmlaan.order=reference|reuse}, read once), forwards each backbone module once:
 * x_i = E_i(v_i) with v_i = detach(x_{i-1}) a gradient-requiring leaf, x_i's graph kept while a
 * later window spans E_i; module i's cascaded loss is computed on x_i (the same values as the
 * recomputed window, train-mode BN using batch statistics). Every loss is backwarded through its
 * aux net alone, to a leaf copy of x_i; the gradients that arrive there are summed by the hops they
 * still have to travel and each sum is backwarded through E_i once ({@link HopSchedule}), what
 * reaches v_i handed on to x_{i-1}: an interior module is backwarded w times instead of w + 1. The
 * accumulated gradients equal the reference's (tested to 1e-5). BatchNorm differs: running
 * statistics are updated once per module per step instead of up to three times (w = 2; four with
 * w = 3) with momentum 0.1, so the running statistics lag the weights more and evaluation results
 * can differ slightly while gradients are equal. Block passes per step of either order:
 * {@link #blockPasses} and {@link #backwardPasses}.
 */
final class LocalStep implements TrainingStep {

    /** How the losses reach backward. */
    enum Order {
        /** Part A.6: each module's loss backwarded at once, its activations freed before the next module. */
        REFERENCE,
        /**
         * Each backbone module forwarded once per step; every cascaded window is backwarded through
         * the kept graphs of its modules (same gradients as {@link #REFERENCE}, fewer passes, BN
         * running statistics updated once per module instead of up to w + 1 times).
         */
        REUSE;

        /** The default order: the one this process trains with ({@link StepOrder#current()}). */
        static final Order DEFAULT = of(StepOrder.current());

        /** The step's order for an experiment's {@link StepOrder}. */
        static Order of(StepOrder order) {
            return order == StepOrder.REFERENCE ? REFERENCE : REUSE;
        }
    }

    /**
     * What one pass measured.
     *
     * @param moduleLosses each module's loss (NaN where none was computed)
     * @param finalLoss the last module's loss (NaN when filtered out)
     * @param correct correct predictions of the last module's x logits
     * @param batchSize images in the batch
     * @param peakBytes peak live bytes under the step manager
     * @param unitPasses backbone unit forwards in the pass
     * @param blockPasses backbone unit forwards plus leap and MAN block forwards in the pass
     * @param backwardPasses backbone unit backwards plus leap and MAN block backwards in the pass
     * @param moduleNanos wall time of each module's turn: its forward, its losses and the backwards
     *     that fell due after them
     * @param heads each module's losses per head, unweighted
     */
    record Pass(double[] moduleLosses, float finalLoss, long correct, int batchSize, long peakBytes, int unitPasses,
            int blockPasses, int backwardPasses, long[] moduleNanos, HeadLosses heads) {}

    private final LocalNetwork net;
    private final NesterovSgd optimizer;
    private final ParameterStore parameters;
    private final Order order;
    private final LiveMeter meter;

    /** A step in the default order ({@link Order#DEFAULT}), metered every step. */
    LocalStep(LocalNetwork net, NesterovSgd optimizer, ParameterStore parameters) {
        this(net, optimizer, parameters, Order.DEFAULT, LiveMeter.everyStep());
    }

    /** A step in {@code order}, metered every step. */
    LocalStep(LocalNetwork net, NesterovSgd optimizer, ParameterStore parameters, Order order) {
        this(net, optimizer, parameters, order, LiveMeter.everyStep());
    }

    /** A step in {@code order} whose live-tensor peak {@code meter} reads. */
    LocalStep(LocalNetwork net, NesterovSgd optimizer, ParameterStore parameters, Order order, LiveMeter meter) {
        this.net = net;
        this.optimizer = optimizer;
        this.parameters = parameters;
        this.order = order;
        this.meter = meter;
    }

    @Override
    public LiveMeter meter() {
        return meter;
    }

    /** The order this step trains in. */
    Order order() {
        return order;
    }

    @Override
    public StepOutcome run(NDManager stepManager, NDList batch, double learningRate) {
        meter.startStep();
        Pass p = backward(stepManager, batch, order);
        updateTwins();
        update(learningRate);
        return outcome(p);
    }

    /** The optimiser step alone, after {@link #backward} and {@link #updateTwins}. */
    void update(double learningRate) {
        optimizer.step(learningRate);
    }

    static StepOutcome outcome(Pass p) {
        return new StepOutcome(p.finalLoss(), p.correct(), p.batchSize(), p.peakBytes(), p.moduleLosses(),
                p.heads().own(), p.heads().cascade());
    }

    // ALGORITHMS.md Part A.4: EMA after all backward calls, before the optimiser step, from the live blocks.
    /** Updates the EMA twins the plan's policy names. */
    void updateTwins() {
        LocalPlan plan = net.plan();
        int k = plan.k();
        for (LocalNetwork.ModuleAux a : net.modules()) {
            if (plan.emaUpdate() == EmaUpdate.LAST_ONLY && a.roles().index() != k - 2) {
                continue;
            }
            if (a.leap() != null) {
                a.leap().updateTwins(net.backbone());
            }
            if (a.momentumAux() != null) {
                a.momentumAux().updateTwin(net.backbone());
            }
        }
    }

    /**
     * Forwards every module and backwards every loss in {@code order}, accumulating gradients; no
     * EMA update and no optimiser step.
     */
    Pass backward(NDManager stepManager, NDList batch, Order order) {
        return backward(stepManager, batch, LossFilter.ALL, order);
    }

    /** {@link #backward(NDManager, NDList, Order)} of the losses {@code filter} selects (tests choose). */
    Pass backward(NDManager stepManager, NDList batch, LossFilter filter, Order order) {
        return order == Order.REUSE ? backwardReusing(stepManager, batch, filter)
                : backwardReference(stepManager, batch, filter, AtOnce::new);
    }

    // ALGORITHMS.md Part A.6: forward one window, its losses, backward at once, detach, move on.
    /**
     * The reference order, each loss handed to a {@link Sink} that {@code sinks} opens: training's
     * backwards it at once; a test's sums them for one backward at the end, which must give the
     * same gradients.
     */
    Pass backwardReference(NDManager stepManager, NDList batch, LossFilter filter, Sink.Factory sinks) {
        LocalPlan plan = net.plan();
        Backbone backbone = net.backbone();
        NDArray images = batch.get(0);
        NDArray labels = batch.get(1);
        NDArray target = net.hasDecoder() ? ReconstructionLoss.target(images, net.normalization()) : null;
        int k = plan.k();
        int reach = Math.max(1, plan.maxWindow());
        NDArray[] kept = new NDArray[k];
        double[] losses = new double[k];
        Arrays.fill(losses, Double.NaN);
        HeadLosses heads = new HeadLosses(k);
        float finalLoss = Float.NaN;
        long correct = 0;
        long peak = -1;
        int passes = 0;
        int backwards = 0;
        int auxPasses = 0;
        long[] nanos = new long[k];
        Sink sink = null;
        try (GradientCollector collector = stepManager.getEngine().newGradientCollector()) {
            sink = sinks.open(collector, stepManager, meter);
            for (ModulePlan r : plan.modules()) {
                int i = r.index();
                boolean last = i == k - 1;
                LocalNetwork.ModuleAux a = net.module(i);
                long started = System.nanoTime();
                NDManager mm = sink.scope();
                NDArray x = backbone.forward(parameters, input(images, kept, i - 1, mm), r.span().first(),
                        r.span().last(), true);
                passes += r.span().unitCount();
                backwards += referenceBackwards(plan, r, filter);
                NDArray loss = null;
                if (!last) {
                    if (r.hasIndependentLoss() && filter.includes(i, Part.INDEPENDENT)) {
                        NDArray f = a.momentumAux() == null ? x : a.momentumAux().forward(parameters, x, true);
                        auxPasses += manBlocks(a);
                        loss = headLoss(a.independentHead(), a.independentDecoder(), r, f, labels, target)
                                .mul((float) r.wx());
                        heads.own(i, loss.getFloat(), r.wx());
                    }
                    NDArray detached = x.stopGradient();
                    detached.attach(stepManager);
                    kept[i] = detached;
                    if (r.hasCascadeLoss() && filter.includes(i, Part.CASCADE)) {
                        NDArray z = x;
                        if (r.window() > 1) {
                            // The x path and the window are disjoint graphs: backward the x path's
                            // part now and free its activations before the window is forwarded (the
                            // gradients accumulate to the same sum; the forwards keep their order).
                            losses[i] = sink.backward(loss, mm);
                            loss = null;
                            mm = sink.scope();
                            z = window(images, kept, r, mm);
                            passes += windowUnits(plan, r);
                        }
                        if (a.leap() != null) {
                            z = a.leap().forward(parameters, z, true);
                            auxPasses += leapBlocks(a);
                        }
                        NDArray cascade = headLoss(a.cascadeHead(), a.cascadeDecoder(), r, z, labels, target)
                                .mul((float) r.wy());
                        heads.cascade(i, cascade.getFloat(), r.wy());
                        loss = plus(loss, cascade);
                    }
                } else {
                    try (NoGrad noGrad = NoGrad.enter()) {
                        correct = CrossEntropy.correct(x, labels);
                    }
                    loss = lastLoss(images, kept, r, x, labels, filter, mm, heads);
                    if (plan.lastHasCascade() && filter.includes(i, Part.LAST_Y)) {
                        passes += windowUnits(plan, r);
                    }
                }
                double value = sink.backward(loss, mm);
                losses[i] = Double.isNaN(losses[i]) ? value : Double.isNaN(value) ? losses[i] : losses[i] + value;
                if (last) {
                    finalLoss = (float) value;
                }
                nanos[i] = System.nanoTime() - started;
                // Module i+1 reads x_i; the widest window after it starts from x_{i+1-reach}.
                int stale = i - reach;
                if (stale >= 0 && kept[stale] != null) {
                    kept[stale].close();
                    kept[stale] = null;
                }
            }
            sink.finish();
            peak = sink.peak;
        } finally {
            if (sink != null) {
                sink.closeScopes();
            }
            for (NDArray a : kept) {
                if (a != null) {
                    a.close();
                }
            }
        }
        return new Pass(losses, finalLoss, correct, (int) images.getShape().get(0), peak, passes,
                passes + auxPasses, backwards + auxPasses, nanos, heads);
    }

    /**
     * Backbone unit backwards of module {@code r}'s losses in the reference order: its x path
     * (independent loss, a window of 1, the last module's x loss) through its own units, and its
     * re-forwarded window through the window's units.
     */
    private static int referenceBackwards(LocalPlan plan, ModulePlan r, LossFilter filter) {
        int i = r.index();
        int n = 0;
        boolean xPath;
        boolean window;
        if (i == plan.k() - 1) {
            xPath = filter.includes(i, Part.LAST_X) && !yOnly(plan);
            window = plan.lastHasCascade() && filter.includes(i, Part.LAST_Y);
        } else {
            boolean cascade = r.hasCascadeLoss() && filter.includes(i, Part.CASCADE);
            xPath = r.hasIndependentLoss() && filter.includes(i, Part.INDEPENDENT) || cascade && r.window() <= 1;
            window = cascade && r.window() > 1;
        }
        if (xPath) {
            n += r.span().unitCount();
        }
        if (window) {
            n += windowUnits(plan, r);
        }
        return n;
    }

    private static int leapBlocks(LocalNetwork.ModuleAux a) {
        return a.leap() == null ? 0 : a.leap().depth() + a.leap().twins().size();
    }

    private static int manBlocks(LocalNetwork.ModuleAux a) {
        return a.momentumAux() == null ? 0 : 2;
    }

    /**
     * Block forwards per step of {@code order} with every loss on, from the plan alone: backbone
     * unit forwards (the stem and the head count as units) plus leap-stack copies and twins plus
     * the MAN pair's two blocks. REFERENCE re-forwards each cascaded window; REUSE
     * forwards every backbone module once.
     */
    static int blockPasses(LocalPlan plan, Order order) {
        int k = plan.k();
        int n = auxBlocks(plan);
        for (ModulePlan r : plan.modules()) {
            n += r.span().unitCount();
            boolean last = r.index() == k - 1;
            boolean window = last ? plan.lastHasCascade() : r.hasCascadeLoss() && r.window() > 1;
            if (window && order != Order.REUSE) {
                n += windowUnits(plan, r);
            }
        }
        return n;
    }

    /**
     * Block backwards per step of {@code order} with every loss on, from the plan alone: backbone
     * unit backwards plus the aux blocks (each backwarded once, as forwarded). REFERENCE backwards
     * each loss through its own graph (x path, re-forwarded window); REUSE backwards each module
     * once per hop class ({@link HopSchedule}).
     */
    static int backwardPasses(LocalPlan plan, Order order) {
        if (order == Order.REUSE) {
            return HopSchedule.of(plan).unitBackwards() + auxBlocks(plan);
        }
        int n = auxBlocks(plan);
        for (ModulePlan r : plan.modules()) {
            n += referenceBackwards(plan, r, LossFilter.ALL);
        }
        return n;
    }

    /** Leap-stack copies and twins and MAN pairs forwarded (and backwarded) once per step. */
    private static int auxBlocks(LocalPlan plan) {
        int n = 0;
        for (ModulePlan r : plan.modules()) {
            if (r.index() == plan.k() - 1) {
                continue;
            }
            if (r.hasCascadeLoss() && r.leap().isPresent()) {
                n += r.leapBlocks().size() + r.emaTwins();
            }
            if (r.hasIndependentLoss() && r.momentumAux().isPresent()) {
                n += 2;
            }
        }
        return n;
    }

    private static int windowUnits(LocalPlan plan, ModulePlan r) {
        return r.span().last() - plan.modules().get(r.windowStart()).span().first() + 1;
    }

    // ALGORITHMS.md Part A.8: fewer passes, same gradients. Each module is forwarded once and its
    // graph kept while gradients can still reach it; every local loss is backwarded through its aux
    // net alone, to a leaf copy of the module's output, and the gradients that arrive there are
    // summed by hop class (HopSchedule) and backwarded through the module once per class, the
    // classes that travel on handing what reaches the module's input to the module before it.
    private Pass backwardReusing(NDManager stepManager, NDList batch, LossFilter filter) {
        LocalPlan plan = net.plan();
        Backbone backbone = net.backbone();
        NDArray images = batch.get(0);
        NDArray labels = batch.get(1);
        NDArray target = net.hasDecoder() ? ReconstructionLoss.target(images, net.normalization()) : null;
        int k = plan.k();
        HopSchedule schedule = HopSchedule.of(plan, filter);
        double[] losses = new double[k];
        Arrays.fill(losses, Double.NaN);
        HeadLosses heads = new HeadLosses(k);
        float finalLoss = Float.NaN;
        long correct = 0;
        long peak = -1;
        int passes = 0;
        int auxPasses = 0;
        long[] nanos = new long[k];
        int unitBackwards;
        try (KeptGraphs graphs = new KeptGraphs(schedule);
                GradientCollector collector = stepManager.getEngine().newGradientCollector()) {
            for (ModulePlan r : plan.modules()) {
                int i = r.index();
                boolean last = i == k - 1;
                LocalNetwork.ModuleAux a = net.module(i);
                long started = System.nanoTime();
                NDManager xm = stepManager.newSubManager();
                NDArray v = (i == 0 ? images : graphs.output(i - 1)).stopGradient();
                v.attach(xm);
                if (schedule.travelsOn(i)) {
                    v.setRequiresGradient(true);
                }
                NDArray x = backbone.forward(parameters, v, r.span().first(), r.span().last(), true);
                graphs.open(i, xm, v, x);
                graphs.releaseStale(i);
                passes += r.span().unitCount();
                double value = Double.NaN;
                if (!last) {
                    // Each aux path works on a leaf copy of x_i in its own short-lived scope: its
                    // backward frees its graph at once, and what reaches the leaf waits in its hop
                    // class until the module's graph is backwarded.
                    if (r.hasCascadeLoss() && filter.includes(i, Part.CASCADE)) {
                        try (NDManager am = stepManager.newSubManager()) {
                            NDArray in = leaf(x, am);
                            NDArray z = in;
                            if (a.leap() != null) {
                                z = a.leap().forward(parameters, z, true);
                                auxPasses += leapBlocks(a);
                            }
                            NDArray cascade = headLoss(a.cascadeHead(), a.cascadeDecoder(), r, z, labels, target)
                                    .mul((float) r.wy());
                            float weighted = cascade.getFloat();
                            heads.cascade(i, weighted, r.wy());
                            value = add(value, weighted);
                            graphs.arrive(i, i - r.windowStart(), gradientAt(in, cascade, false));
                            peak = Math.max(peak, meter.read(stepManager));
                        }
                    }
                    if (r.hasIndependentLoss() && filter.includes(i, Part.INDEPENDENT)) {
                        try (NDManager am = stepManager.newSubManager()) {
                            NDArray in = leaf(x, am);
                            NDArray f = a.momentumAux() == null ? in : a.momentumAux().forward(parameters, in, true);
                            auxPasses += manBlocks(a);
                            NDArray independent = headLoss(a.independentHead(), a.independentDecoder(), r, f, labels,
                                    target).mul((float) r.wx());
                            float weighted = independent.getFloat();
                            heads.own(i, weighted, r.wx());
                            value = add(value, weighted);
                            graphs.arrive(i, 0, gradientAt(in, independent, false));
                            peak = Math.max(peak, meter.read(stepManager));
                        }
                    }
                } else {
                    try (NoGrad noGrad = NoGrad.enter()) {
                        correct = CrossEntropy.correct(x, labels);
                    }
                    // ALGORITHMS.md Part A.5: wx * CE(fc(x)) + wy * CE(fc(y)) on the same logits, the
                    // y part travelling back through the window, or CE(fc(y)) alone (yOnly).
                    boolean withY = plan.lastHasCascade() && filter.includes(i, Part.LAST_Y);
                    boolean withX = filter.includes(i, Part.LAST_X) && !yOnly(plan);
                    if (withX || withY) {
                        try (NDManager am = stepManager.newSubManager()) {
                            NDArray logits = leaf(x, am);
                            NDArray ce = CrossEntropy.mean(logits, labels);
                            // The y path reuses x's logits here, so both heads read the same CE.
                            float unweighted = ce.getFloat();
                            if (withY) {
                                heads.cascade(i, unweighted, 1);
                                NDArray lossY = yOnly(plan) ? ce : ce.mul((float) r.wy());
                                value = add(value, lossY.getFloat());
                                graphs.arrive(i, i - r.windowStart(), gradientAt(logits, lossY, withX));
                            }
                            if (withX) {
                                heads.own(i, unweighted, 1);
                                NDArray lossX = plan.lastHasCascade() ? ce.mul((float) r.wx()) : ce;
                                value = add(value, lossX.getFloat());
                                graphs.arrive(i, 0, gradientAt(logits, lossX, false));
                            }
                        }
                    }
                    finalLoss = (float) value;
                }
                losses[i] = value;
                peak = Math.max(peak, meter.read(stepManager));
                graphs.backwardDue(i);
                graphs.releaseStale(i);
                nanos[i] = System.nanoTime() - started;
            }
            unitBackwards = graphs.unitBackwards();
        }
        return new Pass(losses, finalLoss, correct, (int) images.getShape().get(0), peak, passes,
                passes + auxPasses, unitBackwards + auxPasses, nanos, heads);
    }

    /** Whether the last module trains on its y path alone (Part A.5, {@code yOnly}). */
    static boolean yOnly(LocalPlan plan) {
        return plan.lastHasCascade() && plan.lastModuleLoss() == LastModuleLoss.Y_ONLY;
    }

    /** A gradient-requiring leaf copy of {@code x} (same storage, no graph back into x) in {@code scope}. */
    private static NDArray leaf(NDArray x, NDManager scope) {
        NDArray leaf = x.stopGradient();
        leaf.attach(scope);
        leaf.setRequiresGradient(true);
        return leaf;
    }

    /**
     * Backwards {@code loss} and returns a copy of what arrived at {@code leaf} (null when nothing
     * did); {@code keepGraph} when another loss still backwards through the same graph.
     */
    private static NDArray gradientAt(NDArray leaf, NDArray loss, boolean keepGraph) {
        NDArray ones = loss.onesLike();
        try {
            JniUtils.backward((PtNDArray) loss, (PtNDArray) ones, keepGraph, false);
        } finally {
            ones.close();
        }
        NDArray g = takeGradient(leaf);
        discardGradient(leaf);
        return g;
    }

    /**
     * The REUSE order's kept module graphs and the gradients waiting at their outputs, by module and
     * hop class ({@link HopSchedule}); each graph is backwarded once per class and freed after the
     * last.
     */
    private static final class KeptGraphs implements AutoCloseable {
        private final HopSchedule schedule;
        private final NDManager[] scopes;
        private final NDArray[] xs;
        private final NDArray[] vs;
        private final NDArray[][] waiting;
        private final int[] backwardsLeft;
        private int unitBackwards;

        KeptGraphs(HopSchedule schedule) {
            int k = schedule.modules();
            this.schedule = schedule;
            this.scopes = new NDManager[k];
            this.xs = new NDArray[k];
            this.vs = new NDArray[k];
            this.waiting = new NDArray[k][schedule.hops()];
            this.backwardsLeft = new int[k];
        }

        /** Module m's scope, input leaf and output, whose graph is kept from now on. */
        void open(int m, NDManager scope, NDArray v, NDArray x) {
            scopes[m] = scope;
            vs[m] = v;
            xs[m] = x;
            backwardsLeft[m] = schedule.passes(m);
        }

        NDArray output(int m) {
            return xs[m];
        }

        /** Adds {@code g} (taken over) to what waits at x_m with {@code h} hops to go. */
        void arrive(int m, int h, NDArray g) {
            if (g == null) {
                return;
            }
            if (waiting[m][h] == null) {
                g.attach(scopes[m]);
                waiting[m][h] = g;
            } else {
                waiting[m][h].addi(g);
                g.close();
            }
        }

        /**
         * After module {@code i}'s losses: backwards every class that is now complete, from the
         * latest module down, so that what a class carries on has arrived before its module is
         * reached.
         */
        void backwardDue(int i) {
            for (int m = i; m >= 0; m--) {
                for (int h = schedule.hops() - 1; h >= 0; h--) {
                    if (schedule.due(m, h) == i) {
                        backward(m, h);
                    }
                }
            }
        }

        private void backward(int m, int h) {
            NDArray g = waiting[m][h];
            waiting[m][h] = null;
            backwardsLeft[m]--;
            if (g == null) {
                return;
            }
            JniUtils.backward((PtNDArray) xs[m], (PtNDArray) g, backwardsLeft[m] > 0, false);
            g.close();
            unitBackwards += schedule.units(m);
            if (h > 0) {
                arrive(m - 1, h - 1, takeGradient(vs[m]));
            }
            discardGradient(vs[m]);
        }

        int unitBackwards() {
            return unitBackwards;
        }

        /** Frees the graphs that no class and no later module's input needs any more. */
        void releaseStale(int i) {
            for (int m = 0; m < i; m++) {
                if (scopes[m] != null && backwardsLeft[m] == 0) {
                    release(m);
                }
            }
        }

        private void release(int m) {
            scopes[m].close();
            scopes[m] = null;
            xs[m] = null;
            vs[m] = null;
            Arrays.fill(waiting[m], null);
        }

        @Override
        public void close() {
            for (int m = 0; m < scopes.length; m++) {
                if (scopes[m] != null) {
                    release(m);
                }
            }
        }
    }

    /** A copy of the gradient at leaf {@code v} (null when none arrived), in {@code v}'s manager. */
    private static NDArray takeGradient(NDArray v) {
        if (!v.hasGradient()) {
            return null;
        }
        PtNDArray g = JniUtils.getGradient((PtNDArray) v);
        if (g == null) {
            return null;
        }
        try (g) {
            return g.duplicate();
        }
    }

    /** Zeroes the gradient at leaf {@code v}, so that the next loss's part there can be read alone. */
    private static void discardGradient(NDArray v) {
        if (!v.hasGradient()) {
            return;
        }
        PtNDArray g = JniUtils.getGradient((PtNDArray) v);
        if (g != null) {
            g.close();
            JniUtils.zeroGrad((PtNDArray) v);
        }
    }

    private static double add(double a, double b) {
        return Double.isNaN(a) ? b : a + b;
    }

    /**
     * Where the reference order's losses go, one module's work in each scope; {@link #peak} is the
     * largest number of live bytes under the step manager the sink saw.
     */
    abstract static class Sink {
        /** Opens a sink for one pass. */
        @FunctionalInterface
        interface Factory {
            Sink open(GradientCollector collector, NDManager stepManager, LiveMeter meter);
        }

        final GradientCollector collector;
        final NDManager stepManager;
        final LiveMeter meter;
        private final List<NDManager> open = new ArrayList<>();
        long peak = -1;

        Sink(GradientCollector collector, NDManager stepManager, LiveMeter meter) {
            this.collector = collector;
            this.stepManager = stepManager;
            this.meter = meter;
        }

        /** A new sub-manager of the step manager for the next piece of work. */
        NDManager scope() {
            NDManager m = stepManager.newSubManager();
            open.add(m);
            return m;
        }

        /** Takes {@code loss} (null: none) of the work in {@code scope}; returns its value, NaN for null. */
        abstract double backward(NDArray loss, NDManager scope);

        /** After the last module, while the gradient collector is open. */
        void finish() {}

        /** Frees {@code scope} now. */
        void close(NDManager scope) {
            open.remove(scope);
            scope.close();
        }

        /** Frees every scope still open. */
        void closeScopes() {
            open.forEach(NDManager::close);
            open.clear();
        }
    }

    /** Part A.6: each loss backwarded at once and its scope freed, so its activations go before the next module's. */
    private static final class AtOnce extends Sink {
        AtOnce(GradientCollector collector, NDManager stepManager, LiveMeter meter) {
            super(collector, stepManager, meter);
        }

        @Override
        double backward(NDArray loss, NDManager scope) {
            double value = Double.NaN;
            if (loss != null) {
                value = loss.getFloat();
                collector.backward(loss);
            }
            peak = Math.max(peak, meter.read(stepManager));
            close(scope);
            return value;
        }
    }

    // ALGORITHMS.md Part A.5: wx*CE(fc(x)) + wy*CE(fc(y)), or CE(fc(y)) alone (the CIFAR code).
    private NDArray lastLoss(NDArray images, NDArray[] kept, ModulePlan r, NDArray logitsX, NDArray labels,
            LossFilter filter, NDManager mm, HeadLosses heads) {
        LocalPlan plan = net.plan();
        int i = r.index();
        boolean withX = filter.includes(i, Part.LAST_X);
        boolean withY = plan.lastHasCascade() && filter.includes(i, Part.LAST_Y);
        if (!plan.lastHasCascade()) {
            NDArray ce = withX ? CrossEntropy.mean(logitsX, labels) : null;
            if (ce != null) {
                heads.own(i, ce.getFloat(), 1);
            }
            return ce;
        }
        NDArray loss = null;
        boolean yOnly = plan.lastModuleLoss() == LastModuleLoss.Y_ONLY;
        if (withX && !yOnly) {
            NDArray ce = CrossEntropy.mean(logitsX, labels);
            heads.own(i, ce.getFloat(), 1);
            loss = ce.mul((float) r.wx());
        }
        if (withY) {
            NDArray y = CrossEntropy.mean(window(images, kept, r, mm), labels);
            heads.cascade(i, y.getFloat(), 1);
            loss = plus(loss, yOnly ? y : y.mul((float) r.wy()));
        }
        return loss;
    }

    /** The window of module {@code r}: E_{i-w+1} .. E_i from the detached output of E_{i-w} (Part B §4). */
    private NDArray window(NDArray images, NDArray[] kept, ModulePlan r, NDManager mm) {
        int start = r.windowStart();
        int firstUnit = net.plan().modules().get(start).span().first();
        return net.backbone().forward(parameters, input(images, kept, start - 1, mm), firstUnit, r.span().last(), true);
    }

    /**
     * A detached alias of module {@code j}'s kept output (the images for j < 0) in {@code mm}, so
     * that everything computed from it lands in the module's sub-manager.
     */
    private static NDArray input(NDArray images, NDArray[] kept, int j, NDManager mm) {
        NDArray source = j < 0 ? images : kept[j];
        if (source == null) {
            throw new IllegalStateException("the output of module " + j + " was freed before module " + (j + 1)
                    + "'s window read it");
        }
        NDArray alias = source.stopGradient();
        alias.attach(mm);
        return alias;
    }

    // ALGORITHMS.md Part B §3: L = lambdaRecon * BCE(decoder(f), img01) + lambdaCls * CE(head(f)) for InfoPro.
    private NDArray headLoss(AuxHead head, InfoProDecoder decoder, ModulePlan r, NDArray features, NDArray labels,
            NDArray target) {
        NDArray ce = CrossEntropy.mean(head.forward(parameters, features, true), labels);
        if (!head.kind().isInfoPro()) {
            return ce;
        }
        NDArray loss = ce.mul((float) r.lambdas().cls());
        if (decoder != null) {
            NDArray bce = ReconstructionLoss.bceWithLogits(decoder.forward(parameters, features, true), target);
            loss = loss.add(bce.mul((float) r.lambdas().recon()));
        }
        return loss;
    }

    private static NDArray plus(NDArray a, NDArray b) {
        return a == null ? b : a.add(b);
    }
}
