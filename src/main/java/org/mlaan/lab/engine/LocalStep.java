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
import java.util.Locale;
import org.mlaan.lab.core.local.EmaUpdate;
import org.mlaan.lab.core.local.LastModuleLoss;
import org.mlaan.lab.core.local.LocalPlan;
import org.mlaan.lab.core.local.ModuleRoles;
import org.mlaan.lab.engine.auxnet.AuxHead;
import org.mlaan.lab.engine.auxnet.InfoProDecoder;
import org.mlaan.lab.engine.auxnet.ReconstructionLoss;

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
 * x_i = E_i(v_i) with v_i = detach(x_{i-1}) a gradient-requiring leaf, x_i's graph kept (keep-graph
 * backward) while a later window spans E_i; module i's cascaded loss is computed on x_i (the same
 * values as the recomputed window, train-mode BN using batch statistics), backwarded first, the
 * gradient arriving at v_i copied and the leaf zeroed; the independent loss's gradient at v_i is
 * discarded; the copied gradient is injected into x_{i-1}'s kept graph, and for w = 3 what that
 * leaves at v_{i-1} into x_{i-2}. The accumulated gradients equal the reference's (tested to
 * 1e-5). BatchNorm differs: running statistics are updated once per module per step instead of
 * up to three times (w = 2; four with w = 3) with momentum 0.1, so the running statistics lag the
 * weights more and evaluation results can differ slightly while gradients are equal. Block passes
 * per step of either order: {@link #blockPasses}.
 */
final class LocalStep implements TrainingStep {

    /** Which local losses a (test) pass backwards. */
    enum Part {
        /** wx * the independent head's loss of a module i < K-1. */
        INDEPENDENT,
        /** wy * the cascaded head's loss of a module i < K-1. */
        CASCADE,
        /** The last module's x-path loss. */
        LAST_X,
        /** The last module's y-path loss. */
        LAST_Y
    }

    /** A choice of losses, by module and part. */
    @FunctionalInterface
    interface LossFilter {
        LossFilter ALL = (module, part) -> true;

        boolean includes(int module, Part part);
    }

    /** How the losses reach backward. */
    enum Order {
        /** Part A.6: each module's loss backwarded at once, its activations freed before the next module. */
        REFERENCE,
        /** Test only: all losses summed, one backward at the end (same gradients, no memory saving). */
        SUMMED,
        /**
         * Each backbone module forwarded once per step; every cascaded window is backwarded through
         * the kept graphs of its modules (same gradients as {@link #REFERENCE}, fewer passes, BN
         * running statistics updated once per module instead of up to w + 1 times).
         */
        REUSE;

        /** The system property that picks the training order: {@code reference} or {@code reuse}. */
        static final String PROPERTY = "mlaan.order";

        /** The order training uses: {@code -Dmlaan.order=reference|reuse}, read once; REUSE when unset. */
        static final Order DEFAULT = parse(System.getProperty(PROPERTY));

        static Order parse(String value) {
            if (value == null || value.isBlank()) {
                return REUSE;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "reference" -> REFERENCE;
                case "reuse" -> REUSE;
                default -> throw new IllegalArgumentException(PROPERTY + " must be reference or reuse, got '"
                        + value + "'");
            };
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
     */
    record Pass(double[] moduleLosses, float finalLoss, long correct, int batchSize, long peakBytes, int unitPasses,
            int blockPasses) {}

    private final LocalNetwork net;
    private final NesterovSgd optimizer;
    private final ParameterStore parameters;
    private final Order order;

    /** A step in the default order ({@link Order#DEFAULT}). */
    LocalStep(LocalNetwork net, NesterovSgd optimizer, ParameterStore parameters) {
        this(net, optimizer, parameters, Order.DEFAULT);
    }

    /** A step in {@code order} (REFERENCE or REUSE; SUMMED is for tests of {@link #backward} only). */
    LocalStep(LocalNetwork net, NesterovSgd optimizer, ParameterStore parameters, Order order) {
        if (order == Order.SUMMED) {
            throw new IllegalArgumentException("the summed order is a test of backward() only");
        }
        this.net = net;
        this.optimizer = optimizer;
        this.parameters = parameters;
        this.order = order;
    }

    /** The order this step trains in. */
    Order order() {
        return order;
    }

    @Override
    public StepOutcome run(NDManager stepManager, NDList batch, double learningRate) {
        Pass p = backward(stepManager, batch, LossFilter.ALL, order);
        updateTwins();
        optimizer.step(learningRate);
        return new StepOutcome(p.finalLoss(), p.correct(), p.batchSize(), p.peakBytes(), p.moduleLosses());
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

    // ALGORITHMS.md Part A.6: forward one window, its losses, backward at once, detach, move on.
    /**
     * Forwards every module and backwards the losses {@code filter} selects, accumulating
     * gradients; no EMA update and no optimiser step (tests call this alone).
     */
    Pass backward(NDManager stepManager, NDList batch, LossFilter filter, Order order) {
        if (order == Order.REUSE) {
            return backwardReusing(stepManager, batch, filter);
        }
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
        float finalLoss = Float.NaN;
        long correct = 0;
        long peak = 0;
        int passes = 0;
        int auxPasses = 0;
        List<NDManager> open = new ArrayList<>();
        NDArray total = null;
        try (GradientCollector collector = stepManager.getEngine().newGradientCollector()) {
            Sink sink = new Sink(collector, order, stepManager, open);
            for (ModuleRoles r : plan.modules()) {
                int i = r.index();
                boolean last = i == k - 1;
                LocalNetwork.ModuleAux a = net.module(i);
                NDManager mm = sink.scope();
                NDArray x = backbone.forward(parameters, input(images, kept, i - 1, mm), r.span().first(),
                        r.span().last(), true);
                passes += r.span().unitCount();
                NDArray loss = null;
                if (!last) {
                    if (r.hasIndependentLoss() && filter.includes(i, Part.INDEPENDENT)) {
                        NDArray f = a.momentumAux() == null ? x : a.momentumAux().forward(parameters, x, true);
                        auxPasses += manBlocks(a);
                        loss = headLoss(a.independentHead(), a.independentDecoder(), r, f, labels, target)
                                .mul((float) r.wx());
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
                            passes += unitsOfWindow(r);
                        }
                        if (a.leap() != null) {
                            z = a.leap().forward(parameters, z, true);
                            auxPasses += leapBlocks(a);
                        }
                        loss = plus(loss, headLoss(a.cascadeHead(), a.cascadeDecoder(), r, z, labels, target)
                                .mul((float) r.wy()));
                    }
                } else {
                    try (NoGrad noGrad = NoGrad.enter()) {
                        correct = CrossEntropy.correct(x, labels);
                    }
                    loss = lastLoss(images, kept, r, x, labels, filter, mm);
                    if (plan.lastHasCascade() && filter.includes(i, Part.LAST_Y)) {
                        passes += unitsOfWindow(r);
                    }
                }
                double value = sink.backward(loss, mm);
                losses[i] = Double.isNaN(losses[i]) ? value : Double.isNaN(value) ? losses[i] : losses[i] + value;
                if (last) {
                    finalLoss = (float) value;
                }
                // Module i+1 reads x_i; the widest window after it starts from x_{i+1-reach}.
                int stale = i - reach;
                if (stale >= 0 && kept[stale] != null) {
                    kept[stale].close();
                    kept[stale] = null;
                }
            }
            total = sink.total;
            peak = sink.peak;
            if (total != null) {
                collector.backward(total);
                peak = Math.max(peak, LiveArrays.bytes(stepManager));
            }
        } finally {
            open.forEach(NDManager::close);
            for (NDArray a : kept) {
                if (a != null) {
                    a.close();
                }
            }
        }
        return new Pass(losses, finalLoss, correct, (int) images.getShape().get(0), peak, passes,
                passes + auxPasses);
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
     * the MAN pair's two blocks. REFERENCE (and SUMMED) re-forwards each cascaded window; REUSE
     * forwards every backbone module once.
     */
    static int blockPasses(LocalPlan plan, Order order) {
        int k = plan.k();
        int n = 0;
        for (ModuleRoles r : plan.modules()) {
            n += r.span().unitCount();
            boolean last = r.index() == k - 1;
            boolean window = last ? plan.lastHasCascade() : r.hasCascadeLoss() && r.window() > 1;
            if (window && order != Order.REUSE) {
                n += r.span().last() - plan.modules().get(r.windowStart()).span().first() + 1;
            }
            if (!last) {
                if (r.hasCascadeLoss() && r.hasLeap()) {
                    n += r.leap().size() + r.emaTwins();
                }
                if (r.hasIndependentLoss() && r.hasMomentumAux()) {
                    n += 2;
                }
            }
        }
        return n;
    }

    // ALGORITHMS.md Part A.8: fewer passes, same gradients. Each module is forwarded once; the
    // graph of x_i is kept while a later window reaches back into E_i, and a window's gradient is
    // carried back by injecting the gradient that arrived at a module's detached input leaf into
    // the kept graph of the module before it.
    private Pass backwardReusing(NDManager stepManager, NDList batch, LossFilter filter) {
        LocalPlan plan = net.plan();
        Backbone backbone = net.backbone();
        NDArray images = batch.get(0);
        NDArray labels = batch.get(1);
        NDArray target = net.hasDecoder() ? ReconstructionLoss.target(images, net.normalization()) : null;
        int k = plan.k();
        // leaf[m]: v_m = detach(x_{m-1}) must collect a gradient (some window reaches past E_m);
        // lastUse[m]: the last module whose window backwards through the graph of x_m.
        boolean[] leaf = new boolean[k];
        int[] lastUse = new int[k];
        for (int m = 0; m < k; m++) {
            lastUse[m] = m;
        }
        for (ModuleRoles r : plan.modules()) {
            int j = r.index();
            if (cascades(r, filter)) {
                for (int m = r.windowStart(); m < j; m++) {
                    lastUse[m] = Math.max(lastUse[m], j);
                    leaf[m + 1] = true;
                }
            }
        }
        NDManager[] scopes = new NDManager[k];
        NDArray[] xs = new NDArray[k];
        NDArray[] vs = new NDArray[k];
        double[] losses = new double[k];
        Arrays.fill(losses, Double.NaN);
        float finalLoss = Float.NaN;
        long correct = 0;
        long peak = 0;
        int passes = 0;
        int auxPasses = 0;
        try (GradientCollector collector = stepManager.getEngine().newGradientCollector()) {
            for (ModuleRoles r : plan.modules()) {
                int i = r.index();
                boolean last = i == k - 1;
                LocalNetwork.ModuleAux a = net.module(i);
                NDManager xm = stepManager.newSubManager();
                scopes[i] = xm;
                NDArray v = (i == 0 ? images : xs[i - 1]).stopGradient();
                v.attach(xm);
                if (leaf[i]) {
                    v.setRequiresGradient(true);
                }
                vs[i] = v;
                if (i > 0 && lastUse[i - 1] < i) {
                    release(scopes, xs, vs, i - 1);
                }
                NDArray x = backbone.forward(parameters, v, r.span().first(), r.span().last(), true);
                xs[i] = x;
                passes += r.span().unitCount();
                NDArray cascadeGrad = null;
                double value = Double.NaN;
                if (!last) {
                    // Each aux path works on a view of x_i in its own short-lived scope: its graph
                    // lands there and is freed right after its backward (the cascaded path first,
                    // as the reference frees the x path before forwarding the window), while x_i's
                    // own graph stays kept for the next windows.
                    if (r.hasCascadeLoss() && filter.includes(i, Part.CASCADE)) {
                        try (NDManager am = stepManager.newSubManager()) {
                            NDArray z = view(x, am);
                            if (a.leap() != null) {
                                z = a.leap().forward(parameters, z, true);
                                auxPasses += leapBlocks(a);
                            }
                            NDArray cascade = headLoss(a.cascadeHead(), a.cascadeDecoder(), r, z, labels, target)
                                    .mul((float) r.wy());
                            value = add(value, cascade.getFloat());
                            keepGraphBackward(cascade);
                            cascadeGrad = r.window() > 1 ? takeGradient(v) : null;
                            discardGradient(v);
                            peak = Math.max(peak, LiveArrays.bytes(stepManager));
                        }
                        // Carry the window back now and free the earlier graphs it was the last to
                        // need, before the independent path's activations are made.
                        if (cascadeGrad != null) {
                            inject(cascadeGrad, i, r.windowStart(), xs, vs, leaf);
                            cascadeGrad = null;
                            peak = Math.max(peak, LiveArrays.bytes(stepManager));
                        }
                        releaseStale(scopes, xs, vs, lastUse, i);
                    }
                    if (r.hasIndependentLoss() && filter.includes(i, Part.INDEPENDENT)) {
                        try (NDManager am = stepManager.newSubManager()) {
                            NDArray xa = view(x, am);
                            NDArray f = a.momentumAux() == null ? xa : a.momentumAux().forward(parameters, xa, true);
                            auxPasses += manBlocks(a);
                            NDArray independent = headLoss(a.independentHead(), a.independentDecoder(), r, f, labels,
                                    target).mul((float) r.wx());
                            value = add(value, independent.getFloat());
                            keepGraphBackward(independent);
                            discardGradient(v);
                            peak = Math.max(peak, LiveArrays.bytes(stepManager));
                        }
                    }
                } else {
                    try (NoGrad noGrad = NoGrad.enter()) {
                        correct = CrossEntropy.correct(x, labels);
                    }
                    boolean withX = filter.includes(i, Part.LAST_X);
                    boolean withY = plan.lastHasCascade() && filter.includes(i, Part.LAST_Y);
                    boolean yOnly = plan.lastHasCascade() && plan.lastModuleLoss() == LastModuleLoss.Y_ONLY;
                    NDArray lossY = null;
                    NDArray lossX = null;
                    if (withY || (withX && !yOnly)) {
                        NDArray ce = CrossEntropy.mean(x, labels);
                        if (withY) {
                            lossY = yOnly ? ce : ce.mul((float) r.wy());
                        }
                        if (withX && !yOnly) {
                            lossX = plan.lastHasCascade() ? ce.mul((float) r.wx()) : ce;
                        }
                    }
                    if (lossY != null) {
                        value = add(value, lossY.getFloat());
                        keepGraphBackward(lossY);
                        cascadeGrad = takeGradient(v);
                        discardGradient(v);
                    }
                    if (lossX != null) {
                        value = add(value, lossX.getFloat());
                        keepGraphBackward(lossX);
                        discardGradient(v);
                    }
                    finalLoss = (float) value;
                    peak = Math.max(peak, LiveArrays.bytes(stepManager));
                }
                losses[i] = value;
                if (cascadeGrad != null) {
                    inject(cascadeGrad, i, r.windowStart(), xs, vs, leaf);
                    peak = Math.max(peak, LiveArrays.bytes(stepManager));
                }
                releaseStale(scopes, xs, vs, lastUse, i);
            }
        } finally {
            for (int m = 0; m < k; m++) {
                if (scopes[m] != null) {
                    release(scopes, xs, vs, m);
                }
            }
        }
        return new Pass(losses, finalLoss, correct, (int) images.getShape().get(0), peak, passes,
                passes + auxPasses);
    }

    /** A view of {@code x} (same storage, graph through x) attached to {@code scope}. */
    private static NDArray view(NDArray x, NDManager scope) {
        NDArray view = x.reshape(x.getShape());
        view.attach(scope);
        return view;
    }

    /** Whether module {@code r}'s cascaded window (w >= 2) backwards into earlier modules in this pass. */
    private boolean cascades(ModuleRoles r, LossFilter filter) {
        int i = r.index();
        if (i == net.plan().k() - 1) {
            return net.plan().lastHasCascade() && filter.includes(i, Part.LAST_Y);
        }
        return r.hasCascadeLoss() && r.window() > 1 && filter.includes(i, Part.CASCADE);
    }

    /**
     * Carries module {@code i}'s cascaded gradient {@code g} (what arrived at v_i) back through the
     * kept graphs of x_{i-1} .. x_{start}: each injection leaves a gradient at that module's input
     * leaf, which is taken (and the leaf zeroed) before the next injection, so only this window's
     * part travels on. Closes {@code g}.
     */
    private static void inject(NDArray g, int i, int start, NDArray[] xs, NDArray[] vs, boolean[] leaf) {
        NDArray current = g;
        for (int m = i - 1; m >= start && current != null; m--) {
            JniUtils.backward((PtNDArray) xs[m], (PtNDArray) current, true, false);
            current.close();
            current = m > start && leaf[m] ? takeGradient(vs[m]) : null;
            if (leaf[m]) {
                discardGradient(vs[m]);
            }
        }
        if (current != null) {
            current.close();
        }
    }

    /** Backward that keeps the graph: x_i's graph may still be needed by this module or a later window. */
    private static void keepGraphBackward(NDArray loss) {
        NDArray ones = loss.onesLike();
        try {
            JniUtils.backward((PtNDArray) loss, (PtNDArray) ones, true, false);
        } finally {
            ones.close();
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

    /** After module {@code i}: frees the graphs of the earlier modules whose last window was i's. */
    private static void releaseStale(NDManager[] scopes, NDArray[] xs, NDArray[] vs, int[] lastUse, int i) {
        for (int m = 0; m < i; m++) {
            if (scopes[m] != null && lastUse[m] <= i) {
                release(scopes, xs, vs, m);
            }
        }
    }

    private static void release(NDManager[] scopes, NDArray[] xs, NDArray[] vs, int m) {
        scopes[m].close();
        scopes[m] = null;
        xs[m] = null;
        vs[m] = null;
    }

    private static double add(double a, double b) {
        return Double.isNaN(a) ? b : a + b;
    }

    /** Where losses go: backward at once and free the scope (reference order), or summed for one backward. */
    private static final class Sink {
        private final GradientCollector collector;
        private final Order order;
        private final NDManager stepManager;
        private final List<NDManager> open;
        NDArray total;
        long peak;

        Sink(GradientCollector collector, Order order, NDManager stepManager, List<NDManager> open) {
            this.collector = collector;
            this.order = order;
            this.stepManager = stepManager;
            this.open = open;
        }

        /** A new sub-manager of the step manager for the next piece of work. */
        NDManager scope() {
            NDManager m = stepManager.newSubManager();
            open.add(m);
            return m;
        }

        /**
         * Backwards {@code loss} (or adds it to the sum), records the live-bytes peak, and in the
         * reference order closes {@code scope}; returns the loss value, NaN for null.
         */
        double backward(NDArray loss, NDManager scope) {
            double value = Double.NaN;
            if (loss != null) {
                value = loss.getFloat();
                if (order == Order.REFERENCE) {
                    collector.backward(loss);
                } else {
                    total = plus(total, loss);
                }
            }
            peak = Math.max(peak, LiveArrays.bytes(stepManager));
            if (order == Order.REFERENCE) {
                open.remove(scope);
                scope.close();
            }
            return value;
        }
    }

    // ALGORITHMS.md Part A.5: wx*CE(fc(x)) + wy*CE(fc(y)), or CE(fc(y)) alone (the CIFAR code).
    private NDArray lastLoss(NDArray images, NDArray[] kept, ModuleRoles r, NDArray logitsX, NDArray labels,
            LossFilter filter, NDManager mm) {
        LocalPlan plan = net.plan();
        int i = r.index();
        boolean withX = filter.includes(i, Part.LAST_X);
        boolean withY = plan.lastHasCascade() && filter.includes(i, Part.LAST_Y);
        if (!plan.lastHasCascade()) {
            return withX ? CrossEntropy.mean(logitsX, labels) : null;
        }
        NDArray loss = null;
        boolean yOnly = plan.lastModuleLoss() == LastModuleLoss.Y_ONLY;
        if (withX && !yOnly) {
            loss = CrossEntropy.mean(logitsX, labels).mul((float) r.wx());
        }
        if (withY) {
            NDArray y = CrossEntropy.mean(window(images, kept, r, mm), labels);
            loss = plus(loss, yOnly ? y : y.mul((float) r.wy()));
        }
        return loss;
    }

    /** The window of module {@code r}: E_{i-w+1} .. E_i from the detached output of E_{i-w} (Part B §4). */
    private NDArray window(NDArray images, NDArray[] kept, ModuleRoles r, NDManager mm) {
        int start = r.windowStart();
        int firstUnit = net.plan().modules().get(start).span().first();
        return net.backbone().forward(parameters, input(images, kept, start - 1, mm), firstUnit, r.span().last(), true);
    }

    private int unitsOfWindow(ModuleRoles r) {
        return r.span().last() - net.plan().modules().get(r.windowStart()).span().first() + 1;
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
    private NDArray headLoss(AuxHead head, InfoProDecoder decoder, ModuleRoles r, NDArray features, NDArray labels,
            NDArray target) {
        NDArray ce = CrossEntropy.mean(head.forward(parameters, features, true), labels);
        if (!head.kind().isInfoPro()) {
            return ce;
        }
        NDArray loss = ce.mul((float) r.lambdaCls());
        if (decoder != null) {
            NDArray bce = ReconstructionLoss.bceWithLogits(decoder.forward(parameters, features, true), target);
            loss = loss.add(bce.mul((float) r.lambdaRecon()));
        }
        return loss;
    }

    private static NDArray plus(NDArray a, NDArray b) {
        return a == null ? b : a.add(b);
    }
}
