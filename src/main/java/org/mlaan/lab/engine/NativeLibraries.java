package org.mlaan.lab.engine;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The first start: DJL unpacks the bundled PyTorch natives (about 430 MB) from the
 * {@code pytorch-native-cpu} jar into the {@link CacheFolder} when it first loads its engine,
 * which takes a few seconds and looks like a hang. This class checks beforehand whether that will
 * happen, that the folder can be written and has room, reports the unpacking as it goes (by
 * watching the folder grow), and turns DJL's failures into a message that names the folder.
 */
public final class NativeLibraries {
    /** Free space asked for beyond the natives themselves. */
    static final long HEADROOM_BYTES = 64L << 20;

    /** What the first start reports while it unpacks. */
    public interface Progress {
        /** @param fraction 0..1 of the bytes to unpack, or -1 when not known */
        void update(double fraction, String message);
    }

    private final Path cache;
    private final Bundle bundle;

    private NativeLibraries(Path cache, Bundle bundle) {
        this.cache = cache;
        this.bundle = bundle;
    }

    /** The natives of this build in the lab's cache folder (points DJL at that folder). */
    public static NativeLibraries forThisBuild() {
        return new NativeLibraries(CacheFolder.applyToDjl(), Bundle.find());
    }

    /** For tests: a cache folder and a bundle description of their own. */
    static NativeLibraries of(Path cache, Bundle bundle) {
        return new NativeLibraries(cache, bundle);
    }

    public Path cacheFolder() {
        return cache;
    }

    /** The folder the bundled natives unpack into, e.g. {@code pytorch/2.7.1-20250812-cpu-linux-x86_64}. */
    Path targetFolder() {
        return cache.resolve("pytorch").resolve(bundle.version + "-" + bundle.flavor + "-" + bundle.classifier);
    }

    /** Bytes the natives take once unpacked (0 when this build bundles none: a GPU build). */
    public long bundledBytes() {
        return bundle == null ? 0 : bundle.totalBytes();
    }

    /** Whether the next engine load will unpack natives: a bundle exists and its files are not all in place. */
    public boolean needsUnpacking() {
        if (bundle == null) {
            return false;
        }
        Path target = targetFolder();
        for (int i = 0; i < bundle.libraries.size(); i++) {
            Path f = target.resolve(bundle.libraries.get(i));
            try {
                if (!Files.isRegularFile(f) || Files.size(f) != bundle.sizes.get(i)) {
                    return true;
                }
            } catch (IOException e) {
                return true;
            }
        }
        return false;
    }

    /**
     * Problems that would make the unpacking fail, as one message naming the folder, or null: the
     * folder cannot be made or written, or its disk has too little free space.
     */
    public String problemBeforeUnpacking() {
        if (!needsUnpacking()) {
            return null;
        }
        Path dir = cache.toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            return "the cache folder " + dir + " cannot be created (" + e.getMessage() + "); set "
                    + CacheFolder.ENV + " to a folder you can write";
        }
        if (!Files.isWritable(dir)) {
            return "the cache folder " + dir + " is not writable; set " + CacheFolder.ENV
                    + " to a folder you can write";
        }
        try {
            FileStore store = Files.getFileStore(dir);
            long need = bundledBytes() + HEADROOM_BYTES;
            if (store.getUsableSpace() < need) {
                return String.format(java.util.Locale.ROOT,
                        "the disk of %s has %.0f MB free, but unpacking PyTorch needs %.0f MB; free some space or set %s"
                                + " to a folder on another disk", dir, store.getUsableSpace() / 1e6, need / 1e6,
                        CacheFolder.ENV);
            }
        } catch (IOException e) {
            return "the free space of " + dir + " cannot be read: " + e.getMessage();
        }
        return null;
    }

    /**
     * Loads DJL's PyTorch engine on the calling thread, unpacking the natives first if needed and
     * reporting progress from a watcher thread.
     *
     * @throws IllegalStateException with a message naming the folder when it cannot be done
     */
    public void load(Progress progress) {
        String problem = problemBeforeUnpacking();
        if (problem != null) {
            throw new IllegalStateException("PyTorch's natives cannot be unpacked: " + problem);
        }
        boolean unpack = needsUnpacking();
        AtomicBoolean done = new AtomicBoolean();
        Thread watcher = null;
        if (unpack) {
            long total = bundledBytes();
            progress.update(0, String.format(java.util.Locale.ROOT,
                    "first start: unpacking PyTorch %s natives (%.0f MB) into %s", bundle.version, total / 1e6,
                    cache.toAbsolutePath()));
            watcher = new Thread(() -> {
                while (!done.get()) {
                    double f = Math.min(0.99, (double) folderBytes(cache.resolve("pytorch")) / total);
                    if (f <= 0) {
                        f = 0.001; // started: the caller already said so
                    }
                    progress.update(f, String.format(java.util.Locale.ROOT, "unpacking PyTorch natives: %.0f%%", 100 * f));
                    synchronized (done) {
                        try {
                            done.wait(250);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, "unpack-progress");
            watcher.setDaemon(true);
            watcher.start();
        }
        try {
            Engine.getEngine("PyTorch");
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("PyTorch could not be loaded from " + cache.toAbsolutePath() + ": "
                    + rootMessage(e) + " (is the disk full or the folder read-only? set " + CacheFolder.ENV
                    + " to another folder)", e);
        } finally {
            done.set(true);
            synchronized (done) {
                done.notifyAll();
            }
        }
        if (unpack) {
            progress.update(1, "PyTorch natives unpacked");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Bytes of the regular files under {@code dir} (0 when it does not exist yet). */
    static long folderBytes(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // a file being moved while we count
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    /** What the bundled natives jar holds: {@code native/lib/pytorch.properties} and the library sizes. */
    record Bundle(String version, String flavor, String classifier, List<String> libraries, List<Long> sizes) {
        long totalBytes() {
            return sizes.stream().mapToLong(Long::longValue).sum();
        }

        /** This build's bundle, or null when no natives are bundled (a GPU build). */
        static Bundle find() {
            ClassLoader cl = NativeLibraries.class.getClassLoader();
            try (InputStream in = cl.getResourceAsStream("native/lib/pytorch.properties")) {
                if (in == null) {
                    return null;
                }
                Properties p = new Properties();
                p.load(in);
                String flavor = p.getProperty("flavor");
                String classifier = p.getProperty("classifier");
                List<String> libs = new ArrayList<>();
                List<Long> sizes = new ArrayList<>();
                for (String lib : p.getProperty("libraries", "").split(",")) {
                    if (lib.isBlank()) {
                        continue;
                    }
                    URL url = cl.getResource("pytorch/" + flavor + "/" + classifier + "/" + lib.trim());
                    libs.add(lib.trim());
                    sizes.add(url == null ? 0L : url.openConnection().getContentLengthLong());
                }
                return new Bundle(p.getProperty("version"), flavor, classifier, libs, sizes);
            } catch (IOException e) {
                return null;
            }
        }
    }
}
