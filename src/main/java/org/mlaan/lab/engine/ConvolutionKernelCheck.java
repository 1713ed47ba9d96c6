package org.mlaan.lab.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.mlaan.lab.engine.net.NoGrad;

/**
 * Checks that libtorch's convolution kernels compute exact answers on this CPU before anything
 * trains on them. On some x86-64 machines (seen on an AMD EPYC of family 26 with AVX-512) the
 * oneDNN kernels that libtorch 2.7.1 picks for AVX2 and AVX-512 drop kernel taps in the
 * convolution's input gradient: a 3x3 convolution of ones with 1, 3 or 12 channels gets 1, 6 or
 * 84 where 9, 27 and 108 are right, every time on one thread and now and then on two; the
 * decoder's 12-channel convolution then feeds NaN into training. Its AVX kernels get the border
 * of a 12-channel forward wrong (44 for 48); its SSE4.1 kernels are exact there, so capping oneDNN's instruction set with {@value #ISA_VARIABLE}={@value #SAFE_ISA}
 * (read by oneDNN once, from the environment, before its first kernel) avoids them; the lab's
 * launcher restarts itself with that cap when this check fails.
 *
 * <p>The problems are convolutions of ones by ones, so every output, input gradient and weight
 * gradient is a small integer that float32 holds exactly: any difference is a wrong kernel, not
 * rounding. They run on one libtorch thread (where the defect shows every time) and then on the
 * thread count in force.
 */
public final class ConvolutionKernelCheck {
    /** The environment variable oneDNN reads for its highest instruction set. */
    public static final String ISA_VARIABLE = "ONEDNN_MAX_CPU_ISA";
    /** The cap that gives exact kernels where the AVX, AVX2 and AVX-512 ones are wrong. */
    public static final String SAFE_ISA = "SSE41";

    /** (batch, channels in, channels out, size, kernel) of each problem. */
    private static final int[][] PROBLEMS = {
        {2, 1, 1, 8, 3}, {2, 3, 3, 8, 3}, {2, 12, 12, 8, 3}, {2, 16, 16, 8, 3}, {2, 3, 12, 8, 3},
        {2, 12, 3, 8, 3}, {8, 3, 16, 32, 3}, {4, 12, 12, 8, 1}, {4, 16, 32, 8, 1},
    };

    private static List<String> cached;

    private ConvolutionKernelCheck() {}

    /** What this process's kernels got wrong (empty when exact); computed once, then remembered. */
    public static synchronized List<String> problems() {
        if (cached == null) {
            cached = List.copyOf(run());
        }
        return cached;
    }

    /**
     * Throws when the kernels are wrong, with a message that names the cause and the fix.
     *
     * @throws IllegalStateException when {@link #problems()} is not empty
     */
    public static void requireExact() {
        List<String> wrong = problems();
        if (!wrong.isEmpty()) {
            throw new IllegalStateException(message(wrong));
        }
    }

    /** The message for a failed check: the first problem, how many, and what to do. */
    public static String message(List<String> wrong) {
        String capped = System.getenv(ISA_VARIABLE);
        return "libtorch's convolution kernels give wrong results on this CPU (" + wrong.get(0)
                + (wrong.size() > 1 ? "; " + (wrong.size() - 1) + " more" : "") + "); "
                + (capped == null
                        ? "start the lab with " + ISA_VARIABLE + "=" + SAFE_ISA + " (its launcher does so by itself)"
                        : "even with " + ISA_VARIABLE + "=" + capped + (capped.equals(SAFE_ISA) ? ""
                                : ": try " + ISA_VARIABLE + "=" + SAFE_ISA));
    }

    private static List<String> run() {
        Engine.getEngine("PyTorch");
        List<String> wrong = new ArrayList<>();
        int threads = JniUtils.getNumThreads();
        try (NoGrad outside = NoGrad.enter()) {
            JniUtils.setNumThreads(1);
            check(wrong, "1 thread");
            JniUtils.setNumThreads(threads);
            if (threads > 1) {
                check(wrong, threads + " threads");
            }
        } finally {
            JniUtils.setNumThreads(threads);
        }
        return wrong;
    }

    private static void check(List<String> wrong, String threads) {
        try (NDManager m = NDManager.newBaseManager()) {
            for (int[] p : PROBLEMS) {
                String problem = check(m, p[0], p[1], p[2], p[3], p[4]);
                if (problem != null) {
                    wrong.add(problem + " on " + threads);
                }
            }
        }
    }

    /** One problem; null when every value is right, else what was wrong first. */
    private static String check(NDManager parent, int batch, int in, int out, int size, int kernel) {
        try (NDManager m = parent.newSubManager()) {
            int pad = kernel / 2;
            NDArray x = m.ones(new Shape(batch, in, size, size));
            NDArray w = m.ones(new Shape(out, in, kernel, kernel));
            x.setRequiresGradient(true);
            w.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector collector = m.getEngine().newGradientCollector()) {
                y = Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(pad, pad), new Shape(1, 1), 1)
                        .singletonOrThrow();
                collector.backward(y.sum());
            }
            String name = String.format("conv%dx%d %d->%d channels, batch %d, %dx%d", kernel, kernel, in, out, batch,
                    size, size);
            String e = compare(name + ", output", y.toFloatArray(), batch * out, size, kernel, in, false);
            if (e == null) {
                e = compare(name + ", input gradient", x.getGradient().toFloatArray(), batch * in, size, kernel, out,
                        false);
            }
            if (e == null) {
                e = compare(name + ", weight gradient", w.getGradient().toFloatArray(), out * in, kernel, size, batch,
                        true);
            }
            return e;
        }
    }

    /**
     * Compares maps of {@code side x side} values, {@code maps} of them, with the exact count. For
     * outputs and input gradients (a "same" convolution of ones), the value at (i, j) is
     * {@code factor} times the number of kernel taps that land inside the map in each direction;
     * for weight gradients ({@code weights}), the value at tap (a, b) is {@code factor} times the
     * number of positions of the {@code other x other} map whose tap (a, b) lands inside.
     */
    static String compare(String what, float[] got, int maps, int side, int other, int factor,
            boolean weights) {
        int pad = weights ? side / 2 : other / 2;
        for (int map = 0; map < maps; map++) {
            for (int i = 0; i < side; i++) {
                for (int j = 0; j < side; j++) {
                    long expected = (long) factor * inside(i, side, other, pad, weights) * inside(j, side, other, pad,
                            weights);
                    float v = got[(map * side + i) * side + j];
                    if (v != expected) {
                        return what + " at " + i + "," + j + " is " + v + ", exactly " + expected;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Along one direction: for a map position {@code i} of a map of {@code side}, how many of the
     * {@code other} taps land inside; for a tap {@code i} of a kernel of {@code side}, how many of
     * the {@code other} positions it lands inside from.
     */
    private static int inside(int i, int side, int other, int pad, boolean weights) {
        int count = 0;
        for (int t = 0; t < other; t++) {
            int source = weights ? t + i - pad : i + t - pad;
            int limit = weights ? other : side;
            if (source >= 0 && source < limit) {
                count++;
            }
        }
        return count;
    }
}
