package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.analysis.TinyTrainedRuns;
import org.mlaan.lab.core.io.SafetensorsFile;
import org.mlaan.lab.core.io.SafetensorsFile.Contents;
import org.mlaan.lab.core.io.SafetensorsFile.Tensor;
import org.mlaan.lab.core.run.RunFolder;
import org.mlaan.lab.core.run.RunFolderReader;
import org.mlaan.lab.core.run.RunRecord;

/** {@code export}: a run's checkpoint as a safetensors file under PyTorch's names. */
class RunExportTest {
    @TempDir
    Path dir;

    @Test
    void exportHoldsEveryBackboneArrayOfTheCheckpointBitForBitUnderItsTorchName() throws Exception {
        RunRecord run = RunFolderReader.read(TinyTrainedRuns.dgl());
        Path file = dir.resolve("dgl.safetensors");
        RunExport.Written w = RunExport.write(run, file, false);

        Contents c = SafetensorsFile.read(file);
        try (TrainedNetwork net = TrainedNetwork.load(run, "cpu", 1, 1)) {
            Map<String, Parameter> backbone = net.backbone().namedParameters();
            assertEquals(backbone.size(), c.tensors().size(), "the backbone and nothing else");
            assertEquals(backbone.size(), w.backboneArrays());
            for (Map.Entry<String, Parameter> e : backbone.entrySet()) {
                Tensor t = c.tensors().get(TorchNames.of(e.getKey()));
                NDArray a = e.getValue().getArray();
                assertArrayEquals(a.getShape().getShape(), t.shape(), e.getKey());
                assertArrayEquals(a.toFloatArray(), t.floats(), e.getKey() + " bit for bit");
            }
        }
        float[] runningMean = c.tensors().get("layer1.0.bn1.running_mean").floats();
        assertTrue(Math.abs(runningMean[0]) > 0, "BN running statistics as trained, not as initialised");
        assertFalse(c.tensors().containsKey("layer1.0.bn1.num_batches_tracked"));
        Map<String, String> m = c.metadata();
        assertEquals("resnet20", m.get("arch"));
        assertEquals("DGL", m.get("method"));
        assertEquals("3 modules, cuts after 1.2, 2.2", m.get("split"));
        assertEquals("10", m.get("classes"));
        assertEquals("3x32x32", m.get("input_size"));
        assertEquals(run.dir().getFileName().toString(), m.get("run"));
        assertEquals("1.0", m.get("checkpoint"));
        assertTrue(m.containsKey("mlaan_lab_version"), m.toString());
    }

    @Test
    void auxArraysFollowUnderTheLabsNamesEqualToTheCheckpoints() throws Exception {
        RunRecord run = RunFolderReader.read(TinyTrainedRuns.dgl());
        Path file = dir.resolve("dgl-aux.safetensors");
        RunExport.Written w = RunExport.write(run, file, true);

        Contents c = SafetensorsFile.read(file);
        assertTrue(w.auxArrays() > 0, "DGL's heads");
        assertEquals(w.backboneArrays() + w.auxArrays(), c.tensors().size());
        Path auxFile = run.dir().resolve(RunFolder.CHECKPOINTS).resolve(Checkpoint.LAST).resolve(Checkpoint.AUX);
        try (NDManager m = NDManager.newBaseManager(); InputStream in = Files.newInputStream(auxFile)) {
            NDList saved = NDList.decode(m, in);
            assertEquals(saved.size(), w.auxArrays());
            for (NDArray a : saved) {
                assertTrue(a.getName().startsWith("aux.m"), a.getName());
                assertArrayEquals(a.toFloatArray(), c.tensors().get(a.getName()).floats(), a.getName());
            }
        }
    }
}
