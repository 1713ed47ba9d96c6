package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.run.EpochMetrics;
import org.mlaan.lab.core.run.RunFinished;
import org.mlaan.lab.core.run.RunFolder;
import org.mlaan.lab.core.run.RunListener;
import org.mlaan.lab.core.run.RunStarted;
import org.mlaan.lab.core.run.RunStatus;
import org.mlaan.lab.core.run.StepMetrics;
import org.mlaan.lab.data.LoadedData;
import org.mlaan.lab.engine.net.Backbone;

class TrainingRunTest {
    private static final LoadedData DATA = TinyData.make(48, 24, 16, 4, 99);

    @TempDir
    Path tmp;

    private final TrainingRun[] cancelTarget = new TrainingRun[1];

    /** Records every event. */
    static class Recorder implements RunListener {
        final List<RunStarted> started = new ArrayList<>();
        final List<StepMetrics> steps = new ArrayList<>();
        final List<EpochMetrics> epochs = new ArrayList<>();
        final List<RunFinished> finished = new ArrayList<>();

        @Override
        public void onStarted(RunStarted e) {
            started.add(e);
        }

        @Override
        public void onStep(StepMetrics s) {
            steps.add(s);
        }

        @Override
        public void onEpoch(EpochMetrics e) {
            epochs.add(e);
        }

        @Override
        public void onFinished(RunFinished e) {
            finished.add(e);
        }

        List<Double> losses(int epoch) {
            List<Double> out = new ArrayList<>();
            for (StepMetrics s : steps) {
                if (s.epoch() == epoch) {
                    out.add(s.loss());
                }
            }
            return out;
        }
    }

    @Test
    void completedRunSendsEveryEventAndWritesItsFolder() throws Exception {
        ExperimentConfig config = TinyData.config("tiny", 2, 8, null);
        Recorder r = new Recorder();
        Path dir;
        try (TrainingRun run = TrainingRun.create(config, RunOptions.defaults().withOutDir(tmp), DATA)) {
            dir = run.runDir();
            RunFinished f = run.run(r);
            assertEquals(RunFinished.Status.COMPLETED, f.status());
            assertEquals(2, f.epochsDone());
            assertEquals(r.epochs.get(1).testTop1Error(), f.finalTop1Error());
        }
        assertTrue(dir.getFileName().toString().matches("tiny-\\d{8}-\\d{6}"), dir.toString());
        assertEquals(1, r.started.size());
        assertEquals(6, r.started.get(0).stepsPerEpoch());
        assertEquals(12, r.steps.size());
        assertEquals(11, r.steps.get(11).globalStep());
        assertEquals(1, r.steps.get(0).moduleLosses().length);
        assertEquals(2, r.epochs.size());
        assertTrue(Double.isNaN(r.epochs.get(0).testTop5Error()), "top-5 only above 10 classes");
        assertEquals(Math.min(r.epochs.get(0).testTop1Error(), r.epochs.get(1).testTop1Error()),
                r.epochs.get(1).bestTop1Error());
        assertEquals(1, r.finished.size());

        List<String> steps = Files.readAllLines(dir.resolve(RunFolder.STEPS_CSV));
        assertEquals("epoch,step,global_step,loss,accuracy,lr,images_per_s,seconds", steps.get(0));
        assertEquals(13, steps.size());
        // Wall seconds grow step by step; the second epoch's start lies past the first epoch's
        // seconds (its evaluation included), the last step before the two epochs' sum.
        for (int i = 1; i < 12; i++) {
            assertTrue(r.steps.get(i).seconds() > r.steps.get(i - 1).seconds(), "step " + i);
        }
        assertTrue(r.steps.get(0).seconds() > 0);
        assertTrue(r.steps.get(6).seconds() > r.epochs.get(0).seconds(), "epoch 1 starts after epoch 0's seconds");
        assertTrue(r.steps.get(11).seconds() <= r.epochs.get(0).seconds() + r.epochs.get(1).seconds());
        assertEquals(r.steps.get(11).seconds(),
                org.mlaan.lab.core.run.RunFolderReader.steps(dir.resolve(RunFolder.STEPS_CSV)).get(11).seconds(),
                "the folder keeps the seconds");
        assertTrue(steps.get(12).startsWith("1,5,11," + r.steps.get(11).loss() + ","), steps.get(12));
        List<String> epochs = Files.readAllLines(dir.resolve(RunFolder.EPOCHS_CSV));
        assertEquals(RunFolder.EPOCHS_HEADER, epochs.get(0));
        assertEquals(3, epochs.size());

        RunStatus status = RunFolder.open(dir).readStatus();
        assertEquals("completed", status.state());
        assertEquals(2, status.epochsDone());
        assertEquals(r.epochs.get(1).testTop1Error(), status.finalTop1Error());

        ExperimentConfig written = ConfigFiles.read(dir.resolve(RunFolder.CONFIG));
        assertEquals(config, written);
        String provenance = Files.readString(dir.resolve(RunFolder.PROVENANCE));
        assertTrue(provenance.contains("\"seed\" : 7"), provenance);
        assertTrue(provenance.contains("\"djlVersion\" : \"0.35.1\""), provenance);
        assertTrue(provenance.contains("\"engine\" : \"PyTorch\""), provenance);
        // Issue 17: the folder says which step order and which roles trained it.
        assertTrue(provenance.contains("\"stepOrder\" : \"" + org.mlaan.lab.core.experiment.StepOrder.current().id()
                + "\""), provenance);
        assertTrue(provenance.contains("\"units\" : \"stem-head\""), provenance);

        Path last = dir.resolve("checkpoints/last");
        assertTrue(Files.isRegularFile(last.resolve(Checkpoint.PARAMETERS)));
        assertTrue(Files.isRegularFile(last.resolve(Checkpoint.OPTIMIZER)));
        CheckpointState state = Checkpoint.readState(last);
        assertEquals(2, state.epoch());
        assertEquals(0, state.step());
        assertEquals(12, state.globalStep());
    }

    @Test
    void trainingLearnsTheColourClasses() throws Exception {
        Recorder r = new Recorder();
        try (TrainingRun run = TrainingRun.create(TinyData.config("learn", 4, 8, null), RunOptions.withoutFolder(),
                DATA)) {
            assertNull(run.runDir());
            run.run(r);
        }
        double first = r.epochs.get(0).trainLoss();
        double last = r.epochs.get(3).trainLoss();
        assertTrue(last < first * 0.7, "train loss " + first + " -> " + last);
        // Four classes: chance is 75% error.
        assertTrue(r.epochs.get(3).testTop1Error() < 0.5, "test error " + r.epochs.get(3).testTop1Error());
    }

    @Test
    void resumingAfterTheFirstEpochRepeatsTheLaterEpochsExactly() throws Exception {
        // Three epochs so that the resumed ones have a learning rate above 0 (cosine ends at 0).
        ExperimentConfig config = TinyData.config("resume", 3, 8, null);
        Recorder straight = new Recorder();
        Map<String, float[]> straightParams;
        try (TrainingRun run = TrainingRun.create(config, RunOptions.defaults().withOutDir(tmp.resolve("a")), DATA)) {
            run.run(straight);
            straightParams = snapshot(run.backbone());
        }

        Path dir;
        Recorder first = new Recorder() {
            @Override
            public void onEpoch(EpochMetrics e) {
                super.onEpoch(e);
                cancelTarget[0].cancel();
            }
        };
        try (TrainingRun run = TrainingRun.create(config, RunOptions.defaults().withOutDir(tmp.resolve("b")), DATA)) {
            dir = run.runDir();
            cancelTarget[0] = run;
            RunFinished f = run.run(first);
            assertEquals(RunFinished.Status.CANCELLED, f.status());
            assertEquals(1, f.epochsDone());
        }
        assertEquals(straight.losses(0), first.losses(0), "same seed, same process: the same steps");
        Recorder resumed = new Recorder();
        try (TrainingRun run = TrainingRun.resume(dir, RunOptions.defaults(), DATA)) {
            assertEquals(1, run.startPosition().epoch());
            assertEquals(0, run.startPosition().step());
            RunFinished f = run.run(resumed);
            assertEquals(RunFinished.Status.COMPLETED, f.status());
            assertEquals(1, resumed.started.get(0).startEpoch());
            Map<String, float[]> after = snapshot(run.backbone());
            assertEquals(straightParams.keySet(), after.keySet());
            for (String name : straightParams.keySet()) {
                assertArrayEquals(straightParams.get(name), after.get(name), 0f, name);
            }
        }
        assertTrue(straight.steps.get(6).learningRate() > 0);
        assertEquals(12, resumed.steps.size());
        assertTrue(resumed.steps.get(0).seconds() > first.epochs.get(0).seconds(),
                "the resumed run's time goes on after its first epoch's seconds");
        assertEquals(straight.losses(1), resumed.losses(1));
        assertEquals(straight.losses(2), resumed.losses(2));
        assertEquals(straight.epochs.get(2).testTop1Error(), resumed.epochs.get(1).testTop1Error());
        assertEquals(6, resumed.steps.get(0).globalStep());
        List<String> rows = Files.readAllLines(dir.resolve(RunFolder.STEPS_CSV));
        assertEquals(19, rows.size(), "no row written twice: " + rows);
        assertEquals(4, Files.readAllLines(dir.resolve(RunFolder.EPOCHS_CSV)).size());
        assertEquals(lossColumn(straightRows(tmp.resolve("a"))), lossColumn(rows));
    }

    @Test
    void cancelledMidEpochRunLeavesALoadableCheckpointAndResumesExactly() throws Exception {
        ExperimentConfig config = TinyData.config("cancel", 3, 8, null);
        Recorder straight = new Recorder();
        Map<String, float[]> straightParams;
        try (TrainingRun run = TrainingRun.create(config, RunOptions.withoutFolder(), DATA)) {
            run.run(straight);
            straightParams = snapshot(run.backbone());
        }
        Path dir;
        Map<String, float[]> atCancel;
        try (TrainingRun run = TrainingRun.create(config, RunOptions.defaults().withOutDir(tmp), DATA)) {
            dir = run.runDir();
            RunFinished f = run.run(new Recorder() {
                @Override
                public void onStep(StepMetrics s) {
                    if (s.globalStep() == 8) {
                        run.cancel();
                    }
                }
            });
            assertEquals(RunFinished.Status.CANCELLED, f.status());
            assertEquals("cancelled at epoch 1, step 3", f.message());
            atCancel = snapshot(run.backbone());
        }
        RunStatus status = RunFolder.open(dir).readStatus();
        assertEquals("cancelled", status.state());
        assertEquals(1, status.epochsDone());
        assertEquals(3, status.epochs());
        CheckpointState state = Checkpoint.readState(dir.resolve("checkpoints/last"));
        assertEquals(1, state.epoch());
        assertEquals(3, state.step());
        assertEquals(9, state.globalStep());
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone loaded = Backbone.create(NetworkPlan.of(Arch.RESNET20, 16, 4), m, 123);
            Checkpoint.loadParameters(dir.resolve("checkpoints/last").resolve(Checkpoint.PARAMETERS), loaded, m);
            Map<String, float[]> fromDisk = snapshot(loaded);
            for (String name : atCancel.keySet()) {
                assertArrayEquals(atCancel.get(name), fromDisk.get(name), 0f, name);
            }
        }
        Recorder rest = new Recorder();
        try (TrainingRun run = TrainingRun.resume(dir, RunOptions.defaults(), DATA)) {
            run.run(rest);
            Map<String, float[]> after = snapshot(run.backbone());
            for (String name : straightParams.keySet()) {
                assertArrayEquals(straightParams.get(name), after.get(name), 0f, name);
            }
        }
        assertEquals(9, rest.steps.size());
        assertEquals(straight.losses(1).subList(3, 6), rest.losses(1));
        assertEquals(straight.losses(2), rest.losses(2));
        assertEquals(straight.epochs.get(1).trainLoss(), rest.epochs.get(0).trainLoss(), 1e-12,
                "the epoch mean includes the steps before the cancel");
        assertEquals(19, Files.readAllLines(dir.resolve(RunFolder.STEPS_CSV)).size());
    }

    @Test
    void localRunResumedAfterItsFirstEpochRepeatsTheStraightRunExactly() throws Exception {
        ExperimentConfig config = TinyData.config("mlaan", 2, 4, 3).withMethod("DGL+MLAAN")
                .withSplit(org.mlaan.lab.core.config.SplitConfig.cuts(List.of("1.2", "2.1")));
        Recorder straight = new Recorder();
        Map<String, float[]> straightAux;
        Map<String, float[]> straightBackbone;
        try (TrainingRun run = TrainingRun.create(config, RunOptions.withoutFolder(), DATA)) {
            assertEquals(RunFinished.Status.COMPLETED, run.run(straight).status());
            straightAux = snapshot(run.localNetwork().auxParameters().all());
            straightBackbone = snapshot(run.backbone());
        }
        Path dir;
        try (TrainingRun run = TrainingRun.create(config, RunOptions.defaults().withOutDir(tmp), DATA)) {
            dir = run.runDir();
            cancelTarget[0] = run;
            RunFinished f = run.run(new Recorder() {
                @Override
                public void onEpoch(EpochMetrics e) {
                    cancelTarget[0].cancel();
                }
            });
            assertEquals(RunFinished.Status.CANCELLED, f.status());
        }
        Recorder resumed = new Recorder();
        try (TrainingRun run = TrainingRun.resume(dir, RunOptions.defaults(), DATA)) {
            assertEquals(1, run.startPosition().epoch());
            assertEquals(RunFinished.Status.COMPLETED, run.run(resumed).status());
            Map<String, float[]> aux = snapshot(run.localNetwork().auxParameters().all());
            assertEquals(straightAux.keySet(), aux.keySet());
            assertTrue(aux.keySet().stream().anyMatch(n -> n.contains(".ema.")), "twins are checkpointed");
            for (String name : straightAux.keySet()) {
                assertArrayEquals(straightAux.get(name), aux.get(name), 0f, name);
            }
            Map<String, float[]> backbone = snapshot(run.backbone());
            for (String name : straightBackbone.keySet()) {
                assertArrayEquals(straightBackbone.get(name), backbone.get(name), 0f, name);
            }
        }
        assertEquals(3, resumed.steps.size());
        assertEquals(straight.losses(1), resumed.losses(1));
        for (int s = 0; s < 3; s++) {
            assertArrayEquals(straight.steps.get(3 + s).moduleLosses(), resumed.steps.get(s).moduleLosses(), 0.0);
        }
        assertEquals(3, straight.steps.get(0).moduleLosses().length);
        assertTrue(Double.isNaN(straight.steps.get(0).moduleLosses()[0]), "no loss at module 0 (resnetMLAAN.py)");
        assertTrue(Double.isNaN(straight.steps.get(0).moduleLosses()[1]) == false, "module 1 has its window's loss");
    }

    @Test
    void localConfigWithABadLeapIsRejectedWithThePlannersMessageBeforeAnythingRuns() {
        // Module 0 (stem..1.2) may not leap back to its own block 1.0.
        ExperimentConfig config = TinyData.config("dgl", 1, 8, null).withMethod("DGL+MLAAN")
                .withSplit(org.mlaan.lab.core.config.SplitConfig.cuts(List.of("1.2")))
                .withLocal(TinyData.leapOverride(0, List.of("1.0")));
        ConfigException e = assertThrows(ConfigException.class,
                () -> TrainingRun.create(config, RunOptions.defaults().withOutDir(tmp), DATA));
        ConfigException planner = assertThrows(ConfigException.class, () -> org.mlaan.lab.core.local.LocalPlanner
                .resolve(config, NetworkPlan.of(Arch.RESNET20, 16, 4)));
        assertEquals(planner.getMessage(), e.getMessage());
        assertTrue(e.getMessage().contains("local.modules[module 0].leap:"), e.getMessage());
        assertEquals(0, tmp.toFile().list().length, "no folder for a run that cannot start");
    }

    @Test
    void aBatchLargerThanTheLoadedTrainingSetIsRejectedBeforeAnythingRuns() {
        // The config's data set (builtin, 10000 by default) passes the validator; the loaded one has 48.
        ExperimentConfig config = TinyData.config("big-batch", 1, 64, null);
        ConfigException e = assertThrows(ConfigException.class,
                () -> TrainingRun.create(config, RunOptions.defaults().withOutDir(tmp), DATA));
        assertEquals("config: training.batchSize: 64 images per step is more than the 48 training images of the"
                + " data set", e.getMessage());
        assertEquals(0, tmp.toFile().list().length, "no folder for a run that cannot start");
    }

    @Test
    void localConfigWithABadSplitIsRejectedBeforeAnythingRuns() {
        ExperimentConfig config = TinyData.config("dgl", 1, 8, null).withMethod("DGL")
                .withSplit(org.mlaan.lab.core.config.SplitConfig.cuts(List.of("4.0")));
        ConfigException e = assertThrows(ConfigException.class,
                () -> TrainingRun.create(config, RunOptions.defaults().withOutDir(tmp), DATA));
        assertTrue(e.getMessage().startsWith("config: split.cutsAfter: "), e.getMessage());
        assertEquals(0, tmp.toFile().list().length, "no folder for a run that cannot start");
    }

    @Test
    void optionsOverrideEpochsAndDeviceInTheWrittenConfig() throws Exception {
        ExperimentConfig config = TinyData.config("over", 5, 8, 2).withDevice("auto");
        try (TrainingRun run = TrainingRun.create(config, new RunOptions(tmp, "cpu", 1, true), DATA)) {
            assertEquals(1, run.config().training().epochsOrDefault());
            assertTrue(run.deviceDescription().startsWith("cpu()"), run.deviceDescription());
            assertEquals(2, run.stepsPerEpoch());
            ExperimentConfig written = ConfigFiles.read(run.runDir().resolve(RunFolder.CONFIG));
            assertEquals(1, written.training().epochs());
            assertEquals("cpu", written.device());
        }
    }

    @Test
    void failureInsideTrainingEndsFailedWithTheMessage() throws Exception {
        Path dir;
        try (TrainingRun run = TrainingRun.create(TinyData.config("fail", 2, 8, null),
                RunOptions.defaults().withOutDir(tmp), DATA)) {
            dir = run.runDir();
            RunFinished f = run.run(new RunListener() {
                @Override
                public void onStep(StepMetrics s) {
                    if (s.globalStep() == 7) {
                        throw new IllegalStateException("listener broke");
                    }
                }
            });
            assertEquals(RunFinished.Status.FAILED, f.status());
            assertEquals("IllegalStateException: listener broke", f.message());
            assertEquals("listener broke", run.failure().orElseThrow().getMessage());
        }
        RunStatus status = RunFolder.open(dir).readStatus();
        assertEquals("failed", status.state());
        assertEquals("IllegalStateException: listener broke", status.message());
        assertEquals(1, Checkpoint.readState(dir.resolve("checkpoints/last")).epoch(),
                "the end-of-epoch checkpoint is still there");
    }

    @Test
    void stepMemoryIsFreedEveryStepOverAHundredSteps() throws Exception {
        LoadedData data = TinyData.make(400, 16, 16, 4, 5);
        int[] counts = new int[2];
        long[] liveBytes = new long[1];
        try (TrainingRun run = TrainingRun.create(TinyData.config("memory", 2, 8, null), RunOptions.withoutFolder(),
                data)) {
            int parameterArrays = run.liveArrayCount();
            RunFinished f = run.run(new RunListener() {
                @Override
                public void onStep(StepMetrics s) {
                    if (s.globalStep() >= 19 && liveBytes[0] <= 0) {
                        // A run reads the live-tensor peak on sampled steps only (-1 in between).
                        liveBytes[0] = s.liveBytes();
                    }
                    if (s.globalStep() == 19) {
                        counts[0] = run.liveArrayCount();
                    } else if (s.globalStep() == 99) {
                        counts[1] = run.liveArrayCount();
                    }
                }
            });
            assertEquals(RunFinished.Status.COMPLETED, f.status());
            assertEquals(100, f.epochsDone() * run.stepsPerEpoch());
            // Parameters plus one momentum buffer per trainable parameter, nothing else.
            assertEquals(parameterArrays + run.backbone().trainableParameters().size(), counts[0]);
        }
        assertEquals(counts[0], counts[1], "arrays alive at step 20 and at step 100");
        assertTrue(liveBytes[0] > 8L * 16 * 16 * 16 * 4, "a step holds at least its stem activations");
    }

    private static Map<String, float[]> snapshot(Backbone b) {
        return snapshot(b.namedParameters());
    }

    private static Map<String, float[]> snapshot(Map<String, Parameter> params) {
        Map<String, float[]> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            out.put(e.getKey(), e.getValue().getArray().toFloatArray());
        }
        return out;
    }

    private static List<String> straightRows(Path parent) throws IOException {
        try (var s = Files.list(parent)) {
            Path dir = s.findFirst().orElseThrow();
            return Files.readAllLines(dir.resolve(RunFolder.STEPS_CSV));
        }
    }

    private static List<String> lossColumn(List<String> rows) {
        List<String> out = new ArrayList<>();
        for (String r : rows.subList(1, rows.size())) {
            String[] f = r.split(",");
            out.add(f[0] + "," + f[1] + "," + f[2] + "," + f[3] + "," + f[4] + "," + f[5]);
        }
        return out;
    }
}
