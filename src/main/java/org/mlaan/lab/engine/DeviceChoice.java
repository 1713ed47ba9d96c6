package org.mlaan.lab.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The device a run trains on, from a config's or command line's {@code auto | cpu | gpu | gpu:N}.
 * {@code auto} takes GPU 0 when DJL's PyTorch engine finds CUDA and otherwise the CPU, with a
 * notice that says so; an explicit GPU that is not there is an error, never a silent fallback.
 */
public final class DeviceChoice {
    private static final Pattern SPEC = Pattern.compile("auto|cpu|gpu(?::(\\d+))?");
    private static final String NO_GPU = "DJL's PyTorch engine found no CUDA GPU (" + libtorchInUse() + ")";

    private final Device device;
    private final String description;
    private final String notice;

    private DeviceChoice(Device device, String description, String notice) {
        this.device = device;
        this.description = description;
        this.notice = notice;
    }

    /**
     * Resolves {@code spec} against the GPUs DJL's engine sees.
     *
     * @throws IllegalArgumentException for an unknown spec or a GPU that is not there
     */
    public static DeviceChoice resolve(String spec) {
        Engine engine = Engine.getInstance();
        return resolve(spec, engine.getGpuCount(), engine.getEngineName() + " " + engine.getVersion());
    }

    static DeviceChoice resolve(String spec, int gpuCount, String engineWords) {
        String s = spec == null ? "auto" : spec.trim().toLowerCase(Locale.ROOT);
        Matcher m = SPEC.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("--device " + spec + ": expected auto, cpu, gpu or gpu:N");
        }
        int threads = Runtime.getRuntime().availableProcessors();
        if (s.equals("cpu")) {
            return cpu(engineWords, threads, "");
        }
        if (s.equals("auto")) {
            if (gpuCount > 0) {
                return gpu(0, engineWords);
            }
            return cpu(engineWords, threads, "No CUDA GPU was found by DJL's PyTorch engine (" + libtorchInUse()
                    + "); training runs on the CPU (" + threads + " cores).");
        }
        // An index past an int is as absent as gpu:9 on a one-GPU machine; no NumberFormatException.
        int index = m.group(1) == null ? 0
                : new BigInteger(m.group(1)).min(BigInteger.valueOf(Integer.MAX_VALUE)).intValueExact();
        if (gpuCount == 0) {
            throw new IllegalArgumentException("--device " + s + ": " + NO_GPU
                    + "; use --device cpu or see README 'GPU'");
        }
        if (index >= gpuCount) {
            throw new IllegalArgumentException("--device " + s + ": DJL's PyTorch engine found " + gpuCount
                    + " CUDA GPU" + (gpuCount == 1 ? "" : "s") + " (gpu:0.." + "gpu:" + (gpuCount - 1)
                    + "); pick one of them or use --device cpu");
        }
        return gpu(index, engineWords);
    }

    /** Where libtorch comes from, in words: a local one, the bundled CPU one, or DJL's download. */
    static String libtorchInUse() {
        String local = System.getenv("PYTORCH_LIBRARY_PATH");
        if (local != null && !local.isBlank()) {
            String flavor = System.getenv("PYTORCH_FLAVOR");
            return "libtorch from PYTORCH_LIBRARY_PATH=" + local + (flavor == null ? "" : ", flavor " + flavor)
                    + "; a CUDA GPU needs a CUDA build there and a working NVIDIA driver";
        }
        if (DeviceChoice.class.getClassLoader().getResource("native/lib/pytorch.properties") != null) {
            return "this build uses the CPU libtorch from pytorch-native-cpu";
        }
        return "libtorch as DJL found or downloaded it";
    }

    private static DeviceChoice cpu(String engineWords, int threads, String notice) {
        return new DeviceChoice(Device.cpu(), "cpu() (" + engineWords + ", " + threads + " cores)", notice);
    }

    private static DeviceChoice gpu(int index, String engineWords) {
        return new DeviceChoice(Device.gpu(index), "gpu(" + index + ") (" + engineWords + ", CUDA)", "");
    }

    public Device device() {
        return device;
    }

    /**
     * This choice, once the CPU's convolution kernels are known to be exact when it trains on the
     * CPU ({@link ConvolutionKernelCheck}); a GPU trains on cuDNN's kernels instead.
     *
     * @throws IllegalStateException naming the wrong result and the fix when they are not
     */
    public DeviceChoice requireExactKernels() {
        if (!device.isGpu()) {
            ConvolutionKernelCheck.requireExact();
        }
        return this;
    }

    /** The device in words, e.g. {@code cpu() (PyTorch 2.7.1, 2 cores)}. */
    public String description() {
        return description;
    }

    /** One line to show the user (why auto chose the CPU), or empty. */
    public String notice() {
        return notice;
    }

    @Override
    public String toString() {
        return description;
    }
}
