package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks the update against torch.optim.SGD's formulas, evaluated by hand in double precision:
 * the loss 0.5 * sum(a * w^2) + sum(b * w) has gradient g = a * w + b.
 */
class NesterovSgdTest {
    private static final double[] A = {1.0, 2.0, 0.5};
    private static final double[] B = {0.3, -0.2, 0.1};
    private static final double[] W0 = {1.0, -2.0, 0.5};
    private static final double[] LR = {0.1, 0.05, 0.2};

    @Test
    void nesterovWithWeightDecayMatchesTorchSgdForThreeSteps() {
        check(0.9, true, 1e-2);
    }

    @Test
    void nesterovWithoutWeightDecayMatchesTorchSgdForThreeSteps() {
        check(0.9, true, 0);
    }

    @Test
    void plainMomentumWithWeightDecayMatchesTorchSgdForThreeSteps() {
        check(0.9, false, 1e-2);
    }

    @Test
    void plainMomentumWithoutWeightDecayMatchesTorchSgdForThreeSteps() {
        check(0.8, false, 0);
    }

    @Test
    void noMomentumIsPlainGradientDescent() {
        check(0, false, 1e-2);
    }

    private void check(double mu, boolean nesterov, double wd) {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter w = parameter(m);
            double[] expected = W0.clone();
            double[] buf = null;
            try (NesterovSgd sgd = new NesterovSgd(Map.of("w", w), mu, nesterov, wd, m)) {
                for (int step = 0; step < 3; step++) {
                    backward(m, w);
                    sgd.step(LR[step]);
                    // torch.optim.SGD, single tensor, dampening 0:
                    double[] d = new double[3];
                    for (int i = 0; i < 3; i++) {
                        d[i] = A[i] * expected[i] + B[i] + wd * expected[i];
                    }
                    if (mu != 0) {
                        if (buf == null) {
                            buf = d.clone();
                        } else {
                            for (int i = 0; i < 3; i++) {
                                buf[i] = mu * buf[i] + d[i];
                            }
                        }
                        for (int i = 0; i < 3; i++) {
                            d[i] = nesterov ? d[i] + mu * buf[i] : buf[i];
                        }
                    }
                    for (int i = 0; i < 3; i++) {
                        expected[i] -= LR[step] * d[i];
                    }
                    float[] actual = w.getArray().toFloatArray();
                    for (int i = 0; i < 3; i++) {
                        assertEquals(expected[i], actual[i], 1e-6, "step " + step + " element " + i);
                    }
                    assertArrayEquals(new float[3], w.getArray().getGradient().toFloatArray(), "gradient zeroed");
                }
                if (mu == 0) {
                    assertEquals(0, sgd.bufferCount());
                }
            }
        }
    }

    @Test
    void savedStateContinuesExactlyLikeTheOriginal() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter w1 = parameter(m);
            Parameter w2 = parameter(m);
            try (NesterovSgd first = new NesterovSgd(Map.of("w", w1), 0.9, true, 1e-4, m)) {
                for (int s = 0; s < 2; s++) {
                    backward(m, w1);
                    first.step(0.1);
                }
                ByteArrayOutputStream saved = new ByteArrayOutputStream();
                first.save(saved);
                w2.getArray().set(w1.getArray().toFloatArray());
                try (NesterovSgd second = new NesterovSgd(Map.of("w", w2), 0.9, true, 1e-4, m)) {
                    second.load(new ByteArrayInputStream(saved.toByteArray()));
                    assertArrayEquals(first.buffer("w"), second.buffer("w"));
                    backward(m, w1);
                    first.step(0.1);
                    backward(m, w2);
                    second.step(0.1);
                    assertArrayEquals(w1.getArray().toFloatArray(), w2.getArray().toFloatArray());
                }
            }
        }
    }

    @Test
    void stateOfAnotherNetworkIsRejected() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter w = parameter(m);
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            try (NesterovSgd sgd = new NesterovSgd(Map.of("w", w), 0.9, true, 0, m)) {
                backward(m, w);
                sgd.step(0.1);
                sgd.save(saved);
            }
            try (NesterovSgd other = new NesterovSgd(Map.of("v", parameter(m)), 0.9, true, 0, m)) {
                IOException e = assertThrows(IOException.class,
                        () -> other.load(new ByteArrayInputStream(saved.toByteArray())));
                assertEquals("optimiser state does not match the network: buffer 'w' (3) names no parameter",
                        e.getMessage());
            }
        }
    }

    @Test
    void parameterWithoutAnyGradientIsLeftAlone() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter w = parameter(m);
            try (NesterovSgd sgd = new NesterovSgd(Map.of("w", w), 0.9, true, 0.1, m)) {
                sgd.step(0.1);
                assertArrayEquals(new float[] {1f, -2f, 0.5f}, w.getArray().toFloatArray());
                assertNull(sgd.buffer("w"));
            }
        }
    }

    private static Parameter parameter(NDManager m) {
        Parameter w = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(3)).build();
        w.setInitializer((manager, shape, type) -> manager.create(new float[] {1f, -2f, 0.5f}));
        w.initialize(m, DataType.FLOAT32);
        return w;
    }

    private static void backward(NDManager m, Parameter p) {
        try (NDManager step = m.newSubManager();
                GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray a = step.create(new float[] {(float) A[0], (float) A[1], (float) A[2]});
            NDArray b = step.create(new float[] {(float) B[0], (float) B[1], (float) B[2]});
            NDArray w = p.getArray();
            NDArray loss = w.mul(w).mul(a).mul(0.5f).add(b.mul(w)).sum();
            loss.attach(step);
            gc.backward(loss);
        }
    }
}
