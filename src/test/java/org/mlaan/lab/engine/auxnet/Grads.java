package org.mlaan.lab.engine.auxnet;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/** Reads gradients in tests without leaving arrays in the parameters' managers. */
final class Grads {
    private Grads() {}

    /** The gradient of {@code a} as floats, or null when libtorch holds none. */
    static float[] of(NDArray a) {
        PtNDArray g = JniUtils.getGradient((PtNDArray) a);
        if (g == null) {
            return null;
        }
        try (g) {
            return g.toFloatArray();
        }
    }

    static float[] of(Parameter p) {
        return of(p.getArray());
    }

    /** Sum of absolute values; 0 for a missing gradient. */
    static double l1(float[] g) {
        double s = 0;
        if (g != null) {
            for (float v : g) {
                s += Math.abs(v);
            }
        }
        return s;
    }

    /** Number of values in the parameters of {@code map}. */
    static long count(java.util.Map<String, Parameter> map) {
        long n = 0;
        for (Parameter p : map.values()) {
            n += p.getArray().size();
        }
        return n;
    }

    static double maxAbsDifference(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }
}
