package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.analysis.TinyTrainedRuns;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.run.RunFolder;
import org.mlaan.lab.core.run.RunFolderReader;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.data.ImageSet;

class TrainedNetworkTest {

    @Test
    void evaluatingTheLoadedCheckpointGivesTheErrorTrainingRecorded() throws Exception {
        RunRecord run = RunFolderReader.read(TinyTrainedRuns.bp());
        try (TrainedNetwork net = TrainedNetwork.load(run, "cpu", 1, 1000)) {
            assertEquals(TinyTrainedRuns.TEST_IMAGES, net.data().test().size(), "capped at the run's own count");
            assertEquals(run.status().finalTop1Error(), net.evaluate(net.data().test()).top1Error());
            assertEquals(run.epochs().get(0).testTop1Error(), net.checkpoint().lastTop1Error());
        }
    }

    @Test
    void pooledHeadOutputsAreTheLogitsTheEvaluationRanks() throws Exception {
        RunRecord run = RunFolderReader.read(TinyTrainedRuns.dgl());
        try (TrainedNetwork net = TrainedNetwork.load(run, "cpu", 1, 1000)) {
            ImageSet test = net.data().test();
            int n = test.size();
            int head = net.plan().size() - 1;
            int classes = net.plan().classes();
            float[] logits = net.pooledOutputs(test, n, new int[] {head}, f -> { })[0];
            assertEquals(n * classes, logits.length);
            int wrong = 0;
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    if (logits[i * classes + c] > logits[i * classes + best]) {
                        best = c;
                    }
                }
                wrong += best == test.label(i) ? 0 : 1;
            }
            assertEquals(net.evaluate(test).top1Error(), (double) wrong / n, 1e-12);
        }
    }

    @Test
    void readingSeveralUnitsInOnePassGivesWhatReadingOneGives() throws Exception {
        RunRecord run = RunFolderReader.read(TinyTrainedRuns.dgl());
        try (TrainedNetwork net = TrainedNetwork.load(run, "cpu", 1, 1000)) {
            ImageSet test = net.data().test();
            float[][] three = net.pooledOutputs(test, 20, new int[] {3, 6, 9}, f -> { });
            float[][] one = net.pooledOutputs(test, 20, new int[] {6}, f -> { });
            assertEquals(20 * 32, one[0].length, "unit 2.2 has 32 channels");
            assertArrayEquals(one[0], three[1], 1e-5f);
        }
    }

    @Test
    void gramsAreTheCentredProductsOfTheOutputsAcrossBatches() throws Exception {
        RunRecord run = RunFolderReader.read(TinyTrainedRuns.bp());
        try (TrainedNetwork net = TrainedNetwork.load(run, "cpu", 1, 1000)) {
            ImageSet test = net.data().test();
            int n = 37; // three batches of 16, the last one short
            int head = net.plan().size() - 1;
            int c = net.plan().classes();
            float[] x = net.pooledOutputs(test, n, new int[] {head}, f -> { })[0];
            double[] g = net.grams(test, n, new int[] {head}, f -> { })[0];
            double[] mean = new double[c];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < c; k++) {
                    mean[k] += x[i * c + k] / (double) n;
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int k = 0; k < c; k++) {
                        s += (x[i * c + k] - mean[k]) * (x[j * c + k] - mean[k]);
                    }
                    assertEquals(s, g[i * n + j], 1e-4 * (1 + Math.abs(s)), "G[" + i + "][" + j + "]");
                }
            }
        }
    }

    @Test
    void aRunWithoutACheckpointIsRefusedNamingItsFolder(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("never-trained");
        Files.createDirectories(runDir);
        ConfigFiles.write(org.mlaan.lab.core.config.ExperimentConfig.defaults(), runDir.resolve(RunFolder.CONFIG));
        RunRecord run = RunFolderReader.read(runDir);
        IOException e = assertThrows(IOException.class, () -> TrainedNetwork.load(run, "cpu", 1, 1));
        assertTrue(e.getMessage().startsWith(runDir + ": no checkpoint"), e.getMessage());
    }
}
