package org.mlaan.lab.engine;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.io.FileDigest;
import org.mlaan.lab.core.run.RunFolderException;
import org.mlaan.lab.engine.net.Backbone;
import org.mlaan.lab.engine.net.NoGrad;

/**
 * A checkpoint folder, {@code checkpoints/last/}: the backbone's parameters in DJL's format
 * ({@code Block.saveParameters}, BN running statistics included), for local methods every aux
 * component's arrays by name ({@code aux.ndlist}: trainable parameters, EMA twins, BN running
 * statistics, MAN++'s scale), the optimiser's momentum buffers (backbone and aux) and
 * {@code state.json}. It is written whole into a hidden temporary folder beside {@code last},
 * forced to disk, and renamed into place, so a reader never sees half a checkpoint; state.json is
 * written last and marks a complete folder. Should the process die between moving the old
 * checkpoint aside and moving the new one in, {@link #find} falls back to the set-aside one.
 */
public final class Checkpoint {
    public static final String LAST = "last";
    public static final String PARAMETERS = "backbone.params";
    public static final String OPTIMIZER = "optimizer.ndlist";
    public static final String AUX = "aux.ndlist";
    public static final String STATE = "state.json";
    private static final String TEMP_PREFIX = ".writing-";
    private static final String OLD_PREFIX = ".replaced-";

    private Checkpoint() {}

    /** Writes {@code checkpointsDir/last} atomically (a BP run: no aux arrays). */
    public static void write(Path checkpointsDir, Backbone backbone, NesterovSgd optimizer, CheckpointState state)
            throws IOException {
        write(checkpointsDir, backbone, Map.of(), optimizer, state);
    }

    /**
     * Writes {@code checkpointsDir/last} atomically, with {@code aux} (every aux array by its
     * stable name; empty for BP, which then writes no aux file).
     */
    public static void write(Path checkpointsDir, Backbone backbone, Map<String, Parameter> aux,
            NesterovSgd optimizer, CheckpointState state) throws IOException {
        Files.createDirectories(checkpointsDir);
        Path tmp = Files.createTempDirectory(checkpointsDir, TEMP_PREFIX);
        try {
            Map<String, FileDigest> digests = new TreeMap<>();
            digests.put(PARAMETERS, writeForced(tmp.resolve(PARAMETERS), out -> {
                DataOutputStream data = new DataOutputStream(out);
                backbone.saveParameters(data);
                data.flush();
            }));
            if (!aux.isEmpty()) {
                digests.put(AUX, writeForced(tmp.resolve(AUX), out -> saveNamed(aux, out)));
            }
            digests.put(OPTIMIZER, writeForced(tmp.resolve(OPTIMIZER), optimizer::save));
            // state.json last, with the digests of the others: it marks a complete checkpoint.
            writeForced(tmp.resolve(STATE), out -> out.write(
                    ConfigFiles.mapper().writeValueAsBytes(state.withFiles(digests))));
            forceDirectory(tmp);
            Path last = checkpointsDir.resolve(LAST);
            Path old = null;
            if (Files.exists(last)) {
                old = checkpointsDir.resolve(String.format(java.util.Locale.ROOT, "%s%015d", OLD_PREFIX,
                        System.currentTimeMillis()));
                move(last, old);
            }
            move(tmp, last);
            forceDirectory(checkpointsDir);
            if (old != null) {
                deleteTree(old);
            }
        } finally {
            if (Files.exists(tmp)) {
                deleteTree(tmp);
            }
        }
    }

    /**
     * The folder of the newest complete checkpoint under {@code checkpointsDir}: {@code last}, or
     * one set aside by an interrupted write; empty when there is none.
     */
    public static Optional<Path> find(Path checkpointsDir) throws IOException {
        Path last = checkpointsDir.resolve(LAST);
        if (Files.isRegularFile(last.resolve(STATE))) {
            return Optional.of(last);
        }
        if (!Files.isDirectory(checkpointsDir)) {
            return Optional.empty();
        }
        List<Path> aside = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(checkpointsDir, OLD_PREFIX + "*")) {
            for (Path p : ds) {
                if (Files.isRegularFile(p.resolve(STATE))) {
                    aside.add(p);
                }
            }
        }
        return aside.stream().max(Comparator.comparing(p -> p.getFileName().toString()));
    }

    /** Reads a checkpoint's state.json, naming the file when it is missing or not what the lab writes. */
    public static CheckpointState readState(Path checkpointDir) throws RunFolderException {
        Path file = checkpointDir.resolve(STATE);
        try {
            return ConfigFiles.mapper().readValue(file.toFile(), CheckpointState.class);
        } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
            throw new RunFolderException(file + ": missing; a checkpoint is complete only with its " + STATE);
        } catch (JsonProcessingException e) {
            throw new RunFolderException(file + ": damaged or incomplete (" + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()) + ")", e);
        } catch (IOException e) {
            throw new RunFolderException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads a checkpoint's state and checks every file it lists against the size and SHA-256
     * recorded when it was written, naming the first file that is missing, truncated or changed.
     * A checkpoint of a lab version before checksums ({@code files} absent) is read unchecked.
     */
    public static CheckpointState verify(Path checkpointDir) throws IOException {
        CheckpointState state = readState(checkpointDir);
        if (state.files() == null) {
            return state;
        }
        Path stateFile = checkpointDir.resolve(STATE);
        for (String required : List.of(PARAMETERS, OPTIMIZER)) {
            if (!state.files().containsKey(required)) {
                throw new RunFolderException(stateFile + ": damaged (lists no digest for " + required + ")");
            }
        }
        for (Map.Entry<String, FileDigest> e : state.files().entrySet()) {
            if (!List.of(PARAMETERS, OPTIMIZER, AUX).contains(e.getKey())) {
                throw new RunFolderException(stateFile + ": damaged (lists an unknown file '" + e.getKey() + "')");
            }
            Path file = checkpointDir.resolve(e.getKey());
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new RunFolderException(file + ": missing; " + STATE + " lists it (" + e.getValue().bytes()
                        + " bytes)");
            }
            String wrong = e.getValue().mismatch(file);
            if (wrong != null) {
                throw new RunFolderException(file + ": " + wrong + "; this checkpoint cannot be trusted (restore the"
                        + " run folder from a copy, or start the run again)");
            }
        }
        return state;
    }

    /**
     * Copies a checkpoint's parameters into {@code backbone} in place (its arrays, their gradient
     * flags and the optimiser's references stay the same) and loads the optimiser's buffers.
     */
    public static void load(Path checkpointDir, Backbone backbone, NesterovSgd optimizer, NDManager manager)
            throws IOException {
        load(checkpointDir, backbone, Map.of(), optimizer, manager);
    }

    /**
     * As {@link #load(Path, Backbone, NesterovSgd, NDManager)}, also copying the saved aux arrays
     * into {@code aux} in place (names and shapes must match exactly).
     */
    public static void load(Path checkpointDir, Backbone backbone, Map<String, Parameter> aux, NesterovSgd optimizer,
            NDManager manager) throws IOException {
        loadParameters(checkpointDir.resolve(PARAMETERS), backbone, manager);
        Path auxFile = checkpointDir.resolve(AUX);
        if (!aux.isEmpty() || Files.exists(auxFile)) {
            loadNamed(auxFile, aux, manager);
        }
        Path optimizerFile = checkpointDir.resolve(OPTIMIZER);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(optimizerFile))) {
            optimizer.load(in);
        } catch (IOException | RuntimeException e) {
            throw new RunFolderException(optimizerFile + ": cannot be loaded as this run's optimiser state ("
                    + describe(e) + ")", e);
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Copies the parameters saved in {@code file} into {@code backbone}, which has the same plan. */
    public static void loadParameters(Path file, Backbone backbone, NDManager manager) throws IOException {
        try (NDManager scratch = manager.newSubManager();
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
                NoGrad noGrad = NoGrad.enter()) {
            Backbone saved = new Backbone(backbone.plan(), 0);
            try {
                saved.loadParameters(scratch, in);
            } catch (MalformedModelException | IOException | RuntimeException e) {
                throw new RunFolderException(file + ": not the parameters of " + backbone.plan() + " (" + describe(e)
                        + ")", e);
            }
            Map<String, Parameter> from = saved.namedParameters();
            Map<String, Parameter> to = backbone.namedParameters();
            if (!from.keySet().equals(to.keySet())) {
                throw new RunFolderException(file + ": saved parameters do not match " + backbone.plan());
            }
            for (Map.Entry<String, Parameter> e : to.entrySet()) {
                var source = from.get(e.getKey()).getArray();
                var target = e.getValue().getArray();
                if (!source.getShape().equals(target.getShape())) {
                    throw new RunFolderException(file + ": parameter " + e.getKey() + " is " + source.getShape()
                            + ", the network's is " + target.getShape());
                }
                target.set(new NDIndex("..."), source.toDevice(target.getDevice(), false));
            }
        }
    }

    private static void saveNamed(Map<String, Parameter> arrays, OutputStream out) throws IOException {
        NDList list = new NDList();
        for (Map.Entry<String, Parameter> e : arrays.entrySet()) {
            NDArray a = e.getValue().getArray();
            a.setName(e.getKey());
            list.add(a);
        }
        list.encode(out);
    }

    /** Copies the named arrays saved in {@code file} into {@code to} in place; the name sets must be equal. */
    static void loadNamed(Path file, Map<String, Parameter> to, NDManager manager) throws IOException {
        if (!Files.exists(file)) {
            throw new RunFolderException(file + ": missing; the checkpoint holds no aux networks but the config's"
                    + " method has " + to.size() + " aux arrays (was the config changed to another method?)");
        }
        try (NDManager scratch = manager.newSubManager();
                InputStream in = new BufferedInputStream(Files.newInputStream(file));
                NoGrad noGrad = NoGrad.enter()) {
            NDList list;
            try {
                list = NDList.decode(scratch, in);
            } catch (RuntimeException e) {
                throw new RunFolderException(file + ": cannot be decoded (" + describe(e) + ")", e);
            }
            Map<String, NDArray> from = new LinkedHashMap<>();
            for (NDArray a : list) {
                from.put(a.getName(), a);
            }
            if (!from.keySet().equals(to.keySet())) {
                throw new RunFolderException(file + ": the saved aux arrays do not match the config's aux networks ("
                        + from.size() + " saved, " + to.size() + " expected; was the config changed to another"
                        + " method or split?)");
            }
            for (Map.Entry<String, Parameter> e : to.entrySet()) {
                NDArray source = from.get(e.getKey());
                NDArray target = e.getValue().getArray();
                if (!source.getShape().equals(target.getShape())) {
                    throw new RunFolderException(file + ": aux array " + e.getKey() + " is " + source.getShape()
                            + ", the network's is " + target.getShape());
                }
                target.set(new NDIndex("..."), source.toDevice(target.getDevice(), false));
            }
        }
    }

    @FunctionalInterface
    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Writes {@code file}, forces it to disk and returns the digest of what was written. */
    private static FileDigest writeForced(Path file, Writer writer) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            FileDigest.Counting counted = new FileDigest.Counting(Channels.newOutputStream(channel));
            OutputStream out = new BufferedOutputStream(counted);
            writer.write(out);
            out.flush();
            channel.force(true);
            return counted.digest();
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform can sync a directory; the rename itself is still atomic.
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        org.mlaan.lab.core.io.AtomicFiles.deleteTree(root);
    }

    /** Removes leftovers of interrupted writes (hidden temporary folders); never touches {@code last}. */
    static void cleanTemporaries(Path checkpointsDir) throws IOException {
        if (!Files.isDirectory(checkpointsDir)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(checkpointsDir, TEMP_PREFIX + "*")) {
            for (Path p : ds) {
                deleteTree(p);
            }
        }
    }
}
