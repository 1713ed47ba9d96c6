package org.mlaan.lab.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.io.AtomicFiles;

/**
 * The folder of one run, everything needed to reproduce, resume or report it:
 *
 * <pre>
 *   config.json          the config as it ran (overrides applied)
 *   provenance.json      seed, versions, device, git commit (provenance-resumed-*.json per resume)
 *   status.json          running | completed | cancelled | failed, epochs done, errors
 *   metrics-steps.csv    epoch,step,global_step,loss,accuracy,lr,images_per_s
 *   metrics-epochs.csv   epoch,train_loss,train_acc,test_top1_err,test_top5_err,best_top1_err,lr,seconds
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
    public static final String STEPS_HEADER = "epoch,step,global_step,loss,accuracy,lr,images_per_s";
    public static final String EPOCHS_HEADER =
            "epoch,train_loss,train_acc,test_top1_err,test_top5_err,best_top1_err,lr,seconds";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Path dir;
    private final CsvLog steps;
    private final CsvLog epochs;

    private RunFolder(Path dir) {
        this.dir = dir;
        this.steps = new CsvLog(dir.resolve(STEPS_CSV), STEPS_HEADER);
        this.epochs = new CsvLog(dir.resolve(EPOCHS_CSV), EPOCHS_HEADER);
    }

    /**
     * Creates {@code <parent>/<name>-<yyyyMMdd-HHmmss>}, or with {@code -2}, {@code -3}, ... when
     * that exists already.
     */
    public static RunFolder create(Path parent, String name, LocalDateTime time) throws IOException {
        Files.createDirectories(parent);
        String base = name + "-" + STAMP.format(time);
        for (int n = 1; ; n++) {
            Path candidate = parent.resolve(n == 1 ? base : base + "-" + n);
            try {
                Files.createDirectory(candidate);
                Files.createDirectories(candidate.resolve(CHECKPOINTS));
                return new RunFolder(candidate);
            } catch (FileAlreadyExistsException e) {
                // taken: try the next suffix
            }
        }
    }

    /** An existing run folder. */
    public static RunFolder open(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(CONFIG))) {
            throw new IOException(dir + ": not a run folder (no " + CONFIG + ")");
        }
        Files.createDirectories(dir.resolve(CHECKPOINTS));
        return new RunFolder(dir);
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

    public void writeStatus(RunStatus status) throws IOException {
        AtomicFiles.writeString(dir.resolve(STATUS), json(status));
    }

    public RunStatus readStatus() throws IOException {
        return ConfigFiles.mapper().readValue(dir.resolve(STATUS).toFile(), RunStatus.class);
    }

    public void appendStep(StepMetrics s) throws IOException {
        steps.append(s.epoch() + "," + s.step() + "," + s.globalStep() + "," + num(s.loss()) + ","
                + num(s.accuracy()) + "," + num(s.learningRate()) + "," + num(s.imagesPerSecond()));
    }

    public void appendEpoch(EpochMetrics e) throws IOException {
        epochs.append(e.epoch() + "," + num(e.trainLoss()) + "," + num(e.trainAccuracy()) + ","
                + num(e.testTop1Error()) + "," + num(e.testTop5Error()) + "," + num(e.bestTop1Error()) + ","
                + num(e.learningRate()) + "," + num(e.seconds()));
    }

    /**
     * Cuts the metrics back to a checkpoint's position: step rows before {@code globalStep}, epoch
     * rows before {@code epoch}, so that a resumed run appends without duplicating a row.
     */
    public void cutMetricsBackTo(long globalStep, int epoch) throws IOException {
        steps.keepOnly(row -> Long.parseLong(row[2]) < globalStep);
        epochs.keepOnly(row -> Integer.parseInt(row[0]) < epoch);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "NaN" : Double.toString(v);
    }

    private static String json(Object record) throws IOException {
        try {
            return ConfigFiles.mapper().writeValueAsString(record) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IOException("cannot write " + record.getClass().getSimpleName() + " as JSON", e);
        }
    }

    @Override
    public void close() throws IOException {
        steps.close();
        epochs.close();
    }
}
