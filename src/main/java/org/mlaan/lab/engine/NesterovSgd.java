package org.mlaan.lab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mlaan.lab.core.config.TrainingConfig;
import org.mlaan.lab.engine.net.NoGrad;

/**
 * Stochastic gradient descent with the semantics of {@code torch.optim.SGD} (dampening 0), which
 * DJL's PyTorch engine lacks: DJL has no Nesterov there and folds the learning rate into the
 * momentum buffer (STACK.md). For each parameter w with gradient g:
 *
 * <pre>
 *   d = g + weightDecay * w
 *   buf = d                      (first step)      buf = momentum * buf + d   (later steps)
 *   d = d + momentum * buf       (Nesterov)        d = buf                    (plain momentum)
 *   w = w - lr * d
 * </pre>
 *
 * then the gradient is zeroed, because DJL's collectors never zero it. Call {@link #step} after
 * the gradient collector has closed. A parameter whose gradient was never defined (no backward
 * reached it yet) is skipped, as PyTorch skips {@code grad is None}. The momentum buffers are the
 * whole state and can be saved and loaded for checkpoints.
 */
public final class NesterovSgd implements AutoCloseable {
    private final Map<String, Parameter> parameters;
    private final float momentum;
    private final boolean nesterov;
    private final float weightDecay;
    private final NDManager stateManager;
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();

    /**
     * @param parameters the trainable parameters by stable name (the names key the saved state)
     * @param manager where the momentum buffers live (a sub-manager is made and closed with this)
     */
    public NesterovSgd(Map<String, Parameter> parameters, double momentum, boolean nesterov, double weightDecay,
            NDManager manager) {
        if (nesterov && momentum <= 0) {
            throw new IllegalArgumentException("Nesterov momentum needs momentum > 0, got " + momentum);
        }
        this.parameters = new LinkedHashMap<>(parameters);
        this.momentum = (float) momentum;
        this.nesterov = nesterov;
        this.weightDecay = (float) weightDecay;
        this.stateManager = manager.newSubManager();
    }

    /** The optimiser a training config asks for (Part B §7 defaults: momentum 0.9, Nesterov, wd 1e-4). */
    public static NesterovSgd of(TrainingConfig t, Map<String, Parameter> parameters, NDManager manager) {
        return new NesterovSgd(parameters, t.momentumOrDefault(), t.nesterovOrDefault(), t.weightDecayOrDefault(),
                manager);
    }

    // ALGORITHMS.md Part B §7: SGD, momentum 0.9, Nesterov, weight decay on all trainable params.
    /** Updates every parameter with the gradient accumulated since the last step, then zeroes it. */
    public void step(double learningRate) {
        float lr = (float) learningRate;
        try (NoGrad noGrad = NoGrad.enter(); NDManager tmp = stateManager.newSubManager()) {
            for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
                PtNDArray w = (PtNDArray) e.getValue().getArray();
                PtNDArray g = JniUtils.getGradient(w);
                if (g == null) {
                    continue;
                }
                g.attach(tmp);
                NDArray d = g;
                if (weightDecay != 0f) {
                    d = owned(w.mul(weightDecay), tmp).addi(g);
                }
                if (momentum != 0f) {
                    NDArray buf = buffers.get(e.getKey());
                    if (buf == null) {
                        buf = d.duplicate();
                        buf.attach(stateManager);
                        buffers.put(e.getKey(), buf);
                    } else {
                        buf.muli(momentum).addi(d);
                    }
                    d = nesterov ? d.addi(owned(buf.mul(momentum), tmp)) : buf;
                }
                w.subi(owned(d.mul(lr), tmp));
                JniUtils.zeroGrad(w);
            }
        }
    }

    private static NDArray owned(NDArray a, NDManager manager) {
        a.attach(manager);
        return a;
    }

    /** Number of parameters that have a momentum buffer (they have taken at least one step). */
    public int bufferCount() {
        return buffers.size();
    }

    /** A copy of the momentum buffer of {@code name}, or null before its first step (for tests). */
    public float[] buffer(String name) {
        NDArray b = buffers.get(name);
        return b == null ? null : b.toFloatArray();
    }

    /** Writes the momentum buffers, each named by its parameter, as a DJL NDList. */
    public void save(OutputStream out) throws IOException {
        NDList list = new NDList();
        for (Map.Entry<String, NDArray> e : buffers.entrySet()) {
            e.getValue().setName(e.getKey());
            list.add(e.getValue());
        }
        list.encode(out);
    }

    /**
     * Replaces the momentum buffers with those of {@link #save}.
     *
     * @throws IOException when a buffer names no parameter of this optimiser or has another shape
     */
    public void load(InputStream in) throws IOException {
        NDList list = NDList.decode(stateManager, in);
        Map<String, NDArray> loaded = new LinkedHashMap<>();
        for (NDArray a : list) {
            Parameter p = parameters.get(a.getName());
            if (p == null || !p.getArray().getShape().equals(a.getShape())) {
                String message = "optimiser state does not match the network: buffer '" + a.getName()
                        + "' " + a.getShape() + (p == null ? " names no parameter"
                        : " but the parameter is " + p.getArray().getShape());
                list.close();
                throw new IOException(message);
            }
            NDArray placed = a.toDevice(p.getArray().getDevice(), false);
            if (placed != a) {
                placed.attach(stateManager);
                a.close();
            }
            loaded.put(placed.getName() == null ? a.getName() : placed.getName(), placed);
        }
        buffers.values().forEach(NDArray::close);
        buffers.clear();
        buffers.putAll(loaded);
    }

    @Override
    public void close() {
        stateManager.close();
    }
}
