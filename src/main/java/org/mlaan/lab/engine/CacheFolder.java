package org.mlaan.lab.engine;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the lab keeps what it unpacks on the first start (DJL's PyTorch natives, about 430 MB): a
 * per-user application-data folder, overridable. In order: the {@code mlaan.cache} system property
 * or the {@code MLAAN_LAB_CACHE} environment variable; DJL's own {@code DJL_CACHE_DIR} when the
 * user set it; else the platform's per-user cache folder ({@code $XDG_CACHE_HOME/mlaan-lab} or
 * {@code ~/.cache/mlaan-lab} on Linux, {@code ~/Library/Caches/MLAAN Lab} on macOS,
 * {@code %LOCALAPPDATA%\MLAAN Lab\cache} on Windows).
 */
public final class CacheFolder {
    /** System property naming the cache folder. */
    public static final String PROPERTY = "mlaan.cache";
    /** Environment variable naming the cache folder. */
    public static final String ENV = "MLAAN_LAB_CACHE";
    /** DJL's own setting (system property or environment variable). */
    public static final String DJL_CACHE_DIR = "DJL_CACHE_DIR";

    private CacheFolder() {}

    /** The cache folder for this process's settings and environment. */
    public static Path resolve() {
        return resolve(System.getProperties().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue()))), System.getenv());
    }

    /** The cache folder for the given system properties and environment (tests pass their own). */
    static Path resolve(Map<String, String> properties, Map<String, String> env) {
        String own = firstSet(properties.get(PROPERTY), env.get(ENV));
        if (own != null) {
            return Path.of(own);
        }
        String djl = firstSet(properties.get(DJL_CACHE_DIR), env.get(DJL_CACHE_DIR));
        if (djl != null) {
            return Path.of(djl);
        }
        String home = properties.getOrDefault("user.home", ".");
        String os = properties.getOrDefault("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = firstSet(env.get("LOCALAPPDATA"), null);
            Path base = local != null ? Path.of(local) : Path.of(home, "AppData", "Local");
            return base.resolve("MLAAN Lab").resolve("cache");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Caches", "MLAAN Lab");
        }
        String xdg = firstSet(env.get("XDG_CACHE_HOME"), null);
        return (xdg != null ? Path.of(xdg) : Path.of(home, ".cache")).resolve("mlaan-lab");
    }

    /** Points DJL at the cache folder (as its {@code DJL_CACHE_DIR} system property) and returns it. */
    public static Path applyToDjl() {
        Path dir = resolve();
        System.setProperty(DJL_CACHE_DIR, dir.toString());
        return dir;
    }

    private static String firstSet(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }
}
