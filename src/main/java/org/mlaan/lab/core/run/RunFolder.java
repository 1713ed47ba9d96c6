package org.mlaan.lab.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.io.AtomicFiles;
import org.mlaan.lab.core.io.CsvCells;

/**
 * The folder of one run, everything needed to reproduce, resume or report it:
 *
 * <pre>
 *   config.json          the config as it ran (overrides applied)
 *   provenance.json      seed, versions, device, git commit (provenance-resumed-*.json per resume)
 *   status.json          running | completed | cancelled | failed, epochs done, errors, the writing
 *                        process and its heartbeat ({@link RunLiveness})
 *   .lock                held (an OS lock) by the process writing the folder ({@link RunLock})
 *   run.log              what went wrong, with the stack trace, for a failed run
 *   metrics-steps.csv    epoch,step,global_step,loss,accuracy,lr,images_per_s,seconds
 *   metrics-epochs.csv   epoch,train_loss,train_acc,test_top1_err,test_top5_err,best_top1_err,lr,seconds,
 *                        group_errors (each class group's test error, e.g. arrangement=0.45;texture=0.12)
 *   checkpoints/last/    the last checkpoint (written by the engine, atomically)
 * </pre>
 */
public final class RunFolder implements Closeable {
    public static final String CONFIG = "config.json";
    public static final String PROVENANCE = "provenance.json";
    public static final String STATUS = "status.json";
    public static final String STEPS_CSV = "metrics-steps.csv";
    public static final String EPOCHS_CSV = "metrics-epochs.csv";
    public static final String CHECKPOINTS = "checkpoints";
    public static final String LOG = "run.log";
    /** Columns are only ever added at the end: a folder of an older lab, with fewer, still reads. */
    public static final String STEPS_HEADER = "epoch,step,global_step,loss,accuracy,lr,images_per_s,seconds";
    public static final String EPOCHS_HEADER =
            "epoch,train_loss,train_acc,test_top1_err,test_top5_err,best_top1_err,lr,seconds,group_errors";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Path dir;
    private final CsvLog steps;
    private final CsvLog epochs;
    private final RunLock lock;
    private final RunProcess writer = RunProcess.current();
    private RunStatus lastStatus;
    private ScheduledExecutorService heartbeat;

    private RunFolder(Path dir, RunLock lock) {
        this.dir = dir;
        this.lock = lock;
        this.steps = new CsvLog(dir.resolve(STEPS_CSV), STEPS_HEADER);
        this.epochs = new CsvLog(dir.resolve(EPOCHS_CSV), EPOCHS_HEADER);
    }

    /**
     * Creates {@code <parent>/<name>-<yyyyMMdd-HHmmss>}, or with {@code -2}, {@code -3}, ... when
     * that exists already, and holds its {@link RunLock} until {@link #close}.
     */
    public static RunFolder create(Path parent, String name, LocalDateTime time) throws IOException {
        if (Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new RunFolderException(parent + ": is a file, expected a folder to make run folders in");
        }
        Files.createDirectories(parent);
        String base = name + "-" + STAMP.format(time);
        for (int n = 1; ; n++) {
            Path candidate = parent.resolve(n == 1 ? base : base + "-" + n);
            try {
                Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                continue; // taken: try the next suffix
            }
            RunLock lock = RunLock.acquire(candidate);
            try {
                Files.createDirectories(candidate.resolve(CHECKPOINTS));
            } catch (IOException e) {
                lock.close();
                throw e;
            }
            return new RunFolder(candidate, lock);
        }
    }

    /**
     * Makes exactly {@code dir} the run folder of a new run (a cluster's array task, which always
     * writes the same folder, so that a requeued task finds its own): made when absent, taken when
     * empty, and started again when it holds a run that never reached a checkpoint (a task killed
     * in its first epoch): its files go, {@value #LOG} keeps a line saying so. A folder holding
     * other files, or a checkpoint (resume it instead), is refused. Holds the lock until {@link #close}.
     */
    public static RunFolder createAt(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new RunFolderException(dir + ": is a file, expected a run folder (or none)");
        }
        Files.createDirectories(dir);
        RunFolderLinks.refuseLinksIn(dir);
        RunLock lock = RunLock.acquire(dir);
        try {
            clearUnfinishedRun(dir);
            Files.createDirectories(dir.resolve(CHECKPOINTS));
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        return new RunFolder(dir, lock);
    }

    /** Empties a run folder whose run never wrote a checkpoint; refuses anything else that is not empty. */
    private static void clearUnfinishedRun(Path dir) throws IOException {
        List<Path> entries;
        try (var s = Files.list(dir)) {
            entries = s.filter(p -> !p.getFileName().toString().equals(RunLock.FILE)).toList();
        }
        if (entries.isEmpty()) {
            return;
        }
        if (!Files.isRegularFile(dir.resolve(CONFIG))) {
            throw new RunFolderException(dir + ": holds files but is not a run folder (no " + CONFIG
                    + "); expected an empty folder or none");
        }
        Path checkpoints = dir.resolve(CHECKPOINTS);
        if (Files.isDirectory(checkpoints)) {
            try (var s = Files.list(checkpoints)) {
                if (s.findAny().isPresent()) {
                    throw new RunFolderException(dir + ": holds a run with a checkpoint; resume it (train --resume)"
                            + " rather than starting it again");
                }
            }
        }
        for (Path p : entries) {
            if (!p.getFileName().toString().equals(LOG)) {
                AtomicFiles.deleteTree(p);
            }
        }
        Files.writeString(dir.resolve(LOG), Instant.now() + " started again: the run before left no checkpoint"
                + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** An existing run folder, to read: no lock is taken, nothing is written. */
    public static RunFolder open(Path dir) throws IOException {
        requireRunFolder(dir);
        return new RunFolder(dir, null);
    }

    /**
     * An existing run folder, to go on writing it: refused when another process holds it
     * ({@link RunLock}) or when it holds symbolic links (a resume would write and delete in the
     * links' targets); holds the lock until {@link #close}.
     */
    public static RunFolder openForWriting(Path dir) throws IOException {
        requireRunFolder(dir);
        RunFolderLinks.refuseLinksIn(dir);
        RunLock lock = RunLock.acquire(dir);
        try {
            Files.createDirectories(dir.resolve(CHECKPOINTS));
        } catch (IOException e) {
            lock.close();
            throw e;
        }
        return new RunFolder(dir, lock);
    }

    private static void requireRunFolder(Path dir) throws RunFolderException {
        if (!Files.isDirectory(dir)) {
            throw new RunFolderException(dir + ": not a run folder (" + (Files.exists(dir) ? "a file" : "no such folder")
                    + ")");
        }
        if (!Files.isRegularFile(dir.resolve(CONFIG))) {
            throw new RunFolderException(dir + ": not a run folder (no " + CONFIG + ")");
        }
    }

    public Path dir() {
        return dir;
    }

    public Path checkpointsDir() {
        return dir.resolve(CHECKPOINTS);
    }

    public void writeConfig(ExperimentConfig config) throws IOException {
        ConfigFiles.write(config, dir.resolve(CONFIG));
    }

    public ExperimentConfig readConfig() throws ConfigException {
        return ConfigFiles.read(dir.resolve(CONFIG));
    }

    /** Writes provenance as {@code file} (normally {@link #PROVENANCE}). */
    public void writeProvenance(Provenance provenance, String file) throws IOException {
        AtomicFiles.writeString(dir.resolve(file), json(provenance));
    }

    /**
     * Writes status.json atomically, stamped with this process and a fresh heartbeat (the last
     * status is kept for {@link #startHeartbeat}).
     */
    public synchronized void writeStatus(RunStatus status) throws IOException {
        RunStatus stamped = status.stamped(writer, Instant.now());
        lastStatus = stamped;
        AtomicFiles.writeString(dir.resolve(STATUS), json(stamped));
    }

    /**
     * Writes status.json however it can, for a run that is failing: atomically, else in place
     * (a full disk has no room for the temporary copy, but rewriting the small file in place
     * reuses its blocks). Returns the error when both fail, empty when the status is on disk.
     */
    public synchronized Optional<IOException> writeStatusHard(RunStatus status) {
        return StatusWrites.hard(() -> writeStatus(status), () -> {
            RunStatus stamped = status.stamped(writer, Instant.now());
            lastStatus = stamped;
            Files.writeString(dir.resolve(STATUS), json(stamped), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        });
    }

    /**
     * Rewrites the last status every {@link RunLiveness#HEARTBEAT} with a new heartbeat, on a
     * daemon thread, until {@link #close}: readers on other hosts tell a live run by it.
     */
    public synchronized void startHeartbeat() {
        if (heartbeat != null) {
            return;
        }
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mlaan-heartbeat-" + dir.getFileName());
            t.setDaemon(true);
            return t;
        });
        long every = RunLiveness.HEARTBEAT.toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    private synchronized void beat() {
        if (lastStatus == null || !RunStatus.RUNNING.equals(lastStatus.state())) {
            return;
        }
        try {
            writeStatus(lastStatus);
        } catch (IOException e) {
            // The next beat or status write tries again; a run that cannot write fails on its own writes.
        }
    }

    /** Appends {@code text} to the run's {@value #LOG} (failures with their stack traces). */
    public void appendLog(String text) throws IOException {
        Files.writeString(dir.resolve(LOG), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    public RunStatus readStatus() throws IOException {
        return ConfigFiles.mapper().readValue(dir.resolve(STATUS).toFile(), RunStatus.class);
    }

    /**
     * Appends a {@value #STEPS_CSV} row. Every cell is a number ({@link CsvCells#number}, NaN as
     * {@code NaN}), never marked as text, so that {@link RunFolderReader} parses the row back.
     */
    public void appendStep(StepMetrics s) throws IOException {
        steps.append(String.join(",", CsvCells.number(s.epoch()), CsvCells.number(s.step()),
                CsvCells.number(s.globalStep()), CsvCells.number(s.loss()), CsvCells.number(s.accuracy()),
                CsvCells.number(s.learningRate()), CsvCells.number(s.imagesPerSecond()), CsvCells.number(s.seconds())));
    }

    /** Appends a {@value #EPOCHS_CSV} row, numbers only as {@link #appendStep} does. */
    public void appendEpoch(EpochMetrics e) throws IOException {
        epochs.append(String.join(",", CsvCells.number(e.epoch()), CsvCells.number(e.trainLoss()),
                CsvCells.number(e.trainAccuracy()), CsvCells.number(e.testTop1Error()),
                CsvCells.number(e.testTop5Error()), CsvCells.number(e.bestTop1Error()),
                CsvCells.number(e.learningRate()), CsvCells.number(e.seconds()), groupCell(e.groupErrors())));
    }

    /** The {@code group_errors} cell: {@code arrangement=0.45;texture=0.12}, empty without groups. */
    static String groupCell(java.util.Map<String, Double> errors) {
        return errors.entrySet().stream().map(g -> g.getKey() + "=" + CsvCells.number(g.getValue()))
                .collect(java.util.stream.Collectors.joining(";"));
    }

    /**
     * Cuts the metrics back to a checkpoint's position: step rows before {@code globalStep}, epoch
     * rows before {@code epoch}, so that a resumed run appends without duplicating a row.
     */
    public void cutMetricsBackTo(long globalStep, int epoch) throws IOException {
        steps.keepOnly(row -> Long.parseLong(row[2]) < globalStep);
        epochs.keepOnly(row -> Integer.parseInt(row[0]) < epoch);
    }

    private static String json(Object record) throws IOException {
        try {
            return ConfigFiles.mapper().writeValueAsString(record) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IOException("cannot write " + record.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Stops the heartbeat, closes the metrics files and releases the lock. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (heartbeat != null) {
                heartbeat.shutdownNow();
                heartbeat = null;
            }
        }
        try {
            steps.close();
            epochs.close();
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
