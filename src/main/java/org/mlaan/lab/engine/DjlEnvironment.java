package org.mlaan.lab.engine;

/**
 * Settings the lab needs before DJL loads: no telemetry, and no download when libtorch is at hand
 * (bundled CPU natives, or a local libtorch named by PYTORCH_LIBRARY_PATH), per STACK.md. A GPU
 * build without a local libtorch is left free to let DJL fetch its CUDA libtorch.
 */
public final class DjlEnvironment {
    private DjlEnvironment() {}

    /** Call once before the first DJL use (the command line and the window do). */
    public static void applyDefaults() {
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // DeviceChoice says in one line when no GPU is usable; DJL's own warning repeats it twice.
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
        boolean bundled = DjlEnvironment.class.getClassLoader().getResource("native/lib/pytorch.properties") != null;
        if (bundled || System.getenv("PYTORCH_LIBRARY_PATH") != null) {
            setIfAbsent("offline", "true");
            setIfAbsent("ai.djl.offline", "true");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }
}
