package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.SplitConfig;
import org.mlaan.lab.core.local.LocalPlan;
import org.mlaan.lab.core.local.LocalPlanner;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.data.Normalization;

/**
 * One DGL step of the lab equals the reference code's, number for number: ResNet-20 on 32x32
 * (so every DGL head pools its map to 8x8), cut after 1.1, 2.0 and 2.2, every trainable array set
 * to a fixed pattern, eight fixed images. The expected values were computed with PyTorch 1.13 by a
 * transcription of the reference code (MLAAN {@code auxDGL.py} with the MAN++ 8x8 pool, the CIFAR
 * ResNet of Part B §1, and the DGL step: E_i, its head's CE, backward, detach, then CE(fc(x)) of the
 * last module). They check the losses and, for every trainable array, the gradient's norm and its
 * projection on a fixed pattern (a wrong sign, layout or layer shows there). Both orders are checked.
 * The biases in front of the heads' BN1d layers have a zero gradient in exact arithmetic; only its
 * smallness is checked.
 *
 * <p>This is what showed that DGL's failure to leave chance on the built-in set in a short run is
 * the method's, not the lab's: the same step in PyTorch, from the same data, stays at chance too.
 */
class DglStepMatchesReferenceTest {
    private static final int BATCH = 8;

    /** Per module: the three DGL heads' CE and the last module's CE. */
    private static final double[] LOSSES = {2.412745475769043, 2.3521666526794434, 2.3362464904785156, 2.360004186630249};

    /** L2 norm of each trainable array's gradient, in {@link LocalNetwork#trainableParameters()} order. */
    private static final double[] NORMS = {
            7.361800247e+00, 2.067332390e+00, 2.077731246e+00, 3.463551367e+00,
            1.036345077e-01, 9.256711497e-02, 1.101806102e+00, 6.194946153e-01,
            6.593221804e-01, 1.962346117e-01, 8.840998731e-02, 6.546010081e-02,
            1.364751855e+00, 8.970277631e-01, 3.764009039e-01, 7.245259350e-01,
            1.752231914e-01, 8.067921143e-02, 2.211505999e+00, 1.580517015e+00,
            8.048388796e-01, 6.039870070e-01, 2.902882569e-01, 1.409433419e-01,
            8.352359798e-01, 4.390840957e-01, 2.588828657e-01, 1.785671889e+00,
            3.884646745e-01, 2.588828657e-01, 4.769239849e+02, 1.041964252e+01,
            6.067371455e+00, 3.867341635e+02, 1.037583364e+01, 5.513344849e+00,
            3.066031104e+02, 3.014006465e+00, 3.064549671e+00, 1.730896066e+01,
            1.796274723e-01, 1.731383628e-01, 2.568179192e+02, 3.998327372e+00,
            2.522273853e+00, 1.528223966e+02, 1.078761702e+00, 7.752676670e-01,
            2.173015923e+00, 7.319128761e-01, 7.752676670e-01, 9.892065359e+01,
            1.448611360e+00, 1.383266129e+00, 6.059553277e+01, 4.316914804e-01,
            2.683647800e-01, 6.606615207e+01, 6.693433335e-01, 5.431138704e-01,
            6.590852180e+00, 6.231041571e-02, 9.415078826e-02, 1.427199904e+00,
            1.636159154e-01, 1.060351009e+00, 4.407979925e-02, 3.422339094e-02,
            9.818401806e-01, 6.792759808e-01, 8.716785751e-01, 1.806659027e+01,
            3.861637041e-01, 2.171485595e-01, 2.310646101e+01, 1.227715997e-05,
            5.293600613e-01, 4.481929101e-01, 5.045543587e+01, 5.982591370e-07,
            6.096872720e-01, 4.547214620e-01, 1.944515754e+01, 3.592360410e-07,
            1.901097010e-01, 1.424884855e-01, 5.364431143e+00, 1.672582700e-01,
            5.442902966e+00, 1.510233299e+00, 9.431335873e-01, 2.229248512e+01,
            1.172622233e+00, 9.814215332e-01, 4.496650093e+01, 7.005352852e-01,
            7.207877190e-01, 2.698888085e+01, 2.855897679e-05, 2.602209188e-01,
            3.188637531e-01, 7.161947932e+01, 3.901504388e-07, 1.490635068e-01,
            1.125552170e-01, 1.721971016e+01, 3.734009799e-07, 1.673207522e-01,
            1.331102007e-01, 5.081773375e+00, 1.644157460e-01, 4.845114858e+00,
            6.094715433e-01, 5.957214391e-01, 2.049270652e+01, 1.394297720e+00,
            2.573826964e+00, 1.459630615e+02, 1.613299513e+00, 2.032737143e+00,
            6.620748058e+01, 6.032174828e-05, 4.313063520e-01, 4.591217099e-01,
            5.612844709e+01, 5.946414107e-07, 3.955675377e-01, 2.888114307e-01,
            1.628385102e+01, 3.070695723e-07, 1.790944122e-01, 1.136956861e-01,
            5.249608466e+00, 1.524034107e-01};

    /** Each gradient's dot product with sin(0.13 j + 0.29 k) (j: flat index, k: array index). */
    private static final double[] PROJECTIONS = {
            2.950425095e-01, -2.336832823e-01, 5.352987714e-01, -4.886573274e-01,
            2.916069222e-02, 1.715756977e-01, 4.372876526e-02, 6.015479252e-01,
            -4.231419619e-01, 2.876271023e-01, 6.665198292e-02, -9.633584425e-02,
            6.361491513e-01, 4.726947806e-02, -8.854501177e-02, 3.036281219e-01,
            1.539009031e-01, 6.930509904e-02, -2.040454141e+00, 5.666830610e-01,
            -5.441302998e-01, 7.445616723e-01, 2.024030153e-01, 2.990027053e-01,
            2.785051009e-02, 1.544565633e+00, 6.476488046e-01, 6.770643954e-01,
            1.338028689e-01, 2.858635262e-01, -9.342963051e+01, -2.665629431e-01,
            1.442439764e+00, 1.937074781e+01, 4.591420954e-01, 4.808180888e-01,
            3.341938730e+01, 2.137860515e-01, 1.141338401e+00, 2.224631888e+00,
            -5.774916009e-01, -1.776295940e-01, 2.038906544e+01, -2.219535015e-01,
            -8.277704432e-01, 8.578724448e+00, 2.511644119e-01, -5.062574965e-03,
            -5.036450303e-01, -2.593540377e-02, -1.037300301e-01, -1.763715000e+01,
            4.216702733e-02, 1.464144000e-01, -2.958932707e+00, -7.348223530e-02,
            -1.018465852e-01, 4.135070690e+00, -5.929216184e-02, -5.048715409e-02,
            4.436504493e+00, -5.092152372e-02, 1.775635314e-02, -1.826957877e+00,
            8.168165943e-02, -1.271668926e-02, 1.617468847e-02, 2.864534628e-02,
            3.537909217e-02, 8.581670363e-01, 7.956934084e-03, 1.975710305e+00,
            -5.232462448e-01, 4.061665537e-02, -7.473219756e+00, 1.056456296e-05,
            -9.350370053e-02, -3.559722104e-02, 1.031643394e+01, -3.472919274e-07,
            3.087105143e-03, -7.516493047e-03, 1.258920258e+00, -1.287258292e-07,
            -1.423175397e-02, 3.628087136e-02, 3.985049367e-01, 9.261963651e-02,
            1.247392367e+00, 2.878850014e-01, 1.860491174e-01, -4.275053449e+00,
            1.120663149e+00, -6.792243088e-02, -2.377379959e+00, 3.788369239e-02,
            -2.116104454e-01, -8.888925955e+00, 3.235268247e-05, 4.509247810e-02,
            3.275364872e-02, -1.381583423e+00, 9.152247131e-08, -2.071947837e-03,
            -3.568239460e-04, -2.592465541e+00, -1.931995923e-07, 2.485122187e-03,
            -2.549474121e-02, -5.987244362e-01, 5.759255350e-02, -1.827572328e+00,
            1.954310460e-01, 5.502213163e-01, -4.809797892e+00, -1.022896511e+00,
            -1.781642129e-01, -2.566166039e+01, -4.869984537e-01, -7.549599400e-01,
            -2.584632433e+01, 2.955373380e-05, 3.397417450e-02, 3.055311673e-02,
            5.901099954e+00, 3.589718480e-07, -3.946683921e-03, -1.369312437e-02,
            5.720197664e+00, 3.090610075e-07, 5.000407258e-03, -3.349715926e-02,
            2.016667824e+00, 5.475874899e-03};

    @BeforeAll
    static void noGradOutsideCollectors() {
        ai.djl.engine.Engine.getInstance();
        NoGrad.setDefaultOnThisThread();
    }

    @ParameterizedTest
    @EnumSource(value = LocalStep.Order.class, names = {"REFERENCE", "REUSE"})
    void dglStepGivesTheReferenceLossesAndGradients(LocalStep.Order order) throws Exception {
        ExperimentConfig config = TinyData.config("dgl-reference", 1, BATCH, null).withMethod("DGL")
                .withSplit(SplitConfig.cuts(List.of("1.1", "2.0", "2.2")));
        NetworkPlan network = NetworkPlan.of(Arch.RESNET20, 32, 10);
        LocalPlan plan = LocalPlanner.resolve(config, network);
        try (NDManager root = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(network, root.newSubManager(), 1);
            LocalNetwork net = LocalNetwork.create(plan, backbone, Normalization.HALF, 1, root.newSubManager());
            Map<String, Parameter> params = net.trainableParameters();
            assertEquals(NORMS.length, params.size(), "trainable arrays");
            List<Parameter> list = new ArrayList<>(params.values());
            List<String> names = new ArrayList<>(params.keySet());
            for (int k = 0; k < list.size(); k++) {
                setPattern(root, names.get(k), list.get(k).getArray(), k);
            }
            try (NesterovSgd optimizer = NesterovSgd.of(config.training(), params, root);
                    NDManager step = root.newSubManager()) {
                LocalStep local = new LocalStep(net, optimizer, new ParameterStore(root, false), order);
                LocalStep.Pass pass = local.backward(step, batch(step), LocalStep.LossFilter.ALL, order);
                for (int i = 0; i < LOSSES.length; i++) {
                    assertEquals(LOSSES[i], pass.moduleLosses()[i], 2e-5, "loss of module " + i);
                }
                double largest = 0;
                for (double n : NORMS) {
                    largest = Math.max(largest, n);
                }
                for (int k = 0; k < list.size(); k++) {
                    double[] g = gradient(list.get(k));
                    double norm = 0;
                    double projection = 0;
                    for (int j = 0; j < g.length; j++) {
                        norm += g[j] * g[j];
                        projection += g[j] * Math.sin(0.13 * j + 0.29 * k);
                    }
                    norm = Math.sqrt(norm);
                    String what = names.get(k);
                    if (NORMS[k] < 1e-6 * largest) {
                        assertTrue(norm < 1e-5 * largest, what + ": gradient should vanish, norm " + norm);
                        continue;
                    }
                    assertEquals(NORMS[k], norm, 1e-3 * NORMS[k], what + ": gradient norm");
                    assertEquals(PROJECTIONS[k], projection, 1e-3 * NORMS[k] * Math.sqrt(g.length), what
                            + ": gradient projection");
                }
            }
        }
    }

    /**
     * sin(0.9 + 0.61 k + 0.37 j) scaled by kind: convolutions sqrt(2) * sqrt(2 / (k*k*out)),
     * linear weights 1 / sqrt(fan-in), BN gamma 1 + 0.1 * it, BN beta and linear biases 0.05 * it.
     */
    private static void setPattern(NDManager manager, String name, NDArray target, int k) {
        Shape s = target.getShape();
        float[] v = new float[Math.toIntExact(s.size())];
        double scale;
        double offset = 0;
        if (s.dimension() == 4) {
            scale = Math.sqrt(2.0 / (s.get(0) * s.get(2) * s.get(3))) * Math.sqrt(2.0);
        } else if (s.dimension() == 2) {
            scale = 1 / Math.sqrt(s.get(1));
        } else if (name.endsWith("gamma")) {
            scale = 0.1;
            offset = 1;
        } else {
            scale = 0.05;
        }
        for (int j = 0; j < v.length; j++) {
            v[j] = (float) (offset + scale * Math.sin(0.9 + 0.61 * k + 0.37 * j));
        }
        try (NDArray src = manager.create(v, s)) {
            target.set(new NDIndex("..."), src);
        }
    }

    /** sin(0.021 j) + 0.5 sin(0.7 j + 1) over (8, 3, 32, 32); labels 0..7. */
    private static NDList batch(NDManager m) {
        float[] x = new float[BATCH * 3 * 32 * 32];
        for (int j = 0; j < x.length; j++) {
            x[j] = (float) (Math.sin(0.021 * j) + 0.5 * Math.sin(0.7 * j + 1.0));
        }
        float[] labels = new float[BATCH];
        for (int n = 0; n < BATCH; n++) {
            labels[n] = n % 10;
        }
        return new NDList(m.create(x, new Shape(BATCH, 3, 32, 32)), m.create(labels));
    }

    private static double[] gradient(Parameter p) {
        PtNDArray g = JniUtils.getGradient((PtNDArray) p.getArray());
        try (g) {
            float[] f = g.toFloatArray();
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
    }
}
