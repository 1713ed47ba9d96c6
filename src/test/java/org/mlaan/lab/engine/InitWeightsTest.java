package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.analysis.TinyTrainedRuns;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.io.FileDigest;
import org.mlaan.lab.core.io.FileFormatException;
import org.mlaan.lab.core.io.SafetensorsFile;
import org.mlaan.lab.core.io.SafetensorsFile.Tensor;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.run.InitFrom;
import org.mlaan.lab.core.run.RunFolderReader;
import org.mlaan.lab.engine.auxnet.BlockCopy;

/** {@code train --init}: a new run starts from the backbone weights of a safetensors file. */
class InitWeightsTest {
    @TempDir
    Path dir;

    private Path exportedBp() throws Exception {
        Path file = dir.resolve("bp.safetensors");
        RunExport.write(RunFolderReader.read(TinyTrainedRuns.bp()), file, false);
        return file;
    }

    private static void assertHolds(Map<String, Tensor> file, String torchName, Parameter p) {
        assertArrayEquals(file.get(torchName).floats(), p.getArray().toFloatArray(), torchName);
    }

    @Test
    void newRunStartsFromTheFilesBackboneAndItsLeapCopiesFromThoseWeights() throws Exception {
        Path file = exportedBp();
        Map<String, Tensor> weights = SafetensorsFile.read(file).tensors();
        ExperimentConfig config = TinyTrainedRuns.config("init", "DGL+MLAAN",
                ", \"split\": {\"cutsAfter\": [\"1.2\", \"2.2\"]}");
        try (TrainingRun run = TrainingRun.create(config, RunOptions.withoutFolder().withInit(file))) {
            Map<String, Parameter> backbone = run.backbone().namedParameters();
            backbone.forEach((name, p) -> assertHolds(weights, TorchNames.of(name), p));

            // Leap copies are taken when the aux nets are built: they must be copies of the file's blocks.
            Map<Parameter, String> nameOf = new IdentityHashMap<>();
            backbone.forEach((name, p) -> nameOf.put(p, name));
            int compared = 0;
            for (LocalNetwork.ModuleAux m : run.localNetwork().modules()) {
                if (m.leap() == null) {
                    continue;
                }
                for (BlockCopy copy : m.leap().copies()) {
                    List<Parameter> live = run.backbone().unit(copy.unit().index()).getParameters().values();
                    List<Parameter> copied = copy.block().getParameters().values();
                    for (int i = 0; i < live.size(); i++) {
                        assertHolds(weights, TorchNames.of(nameOf.get(live.get(i))), copied.get(i));
                        compared++;
                    }
                }
            }
            assertTrue(compared > 0, "DGL+MLAAN on three modules has a leap copy");
        }
    }

    @Test
    void provenanceRecordsTheFilesDigestAndTheArraysItIgnored() throws Exception {
        Map<String, Tensor> weights = new LinkedHashMap<>(SafetensorsFile.read(exportedBp()).tensors());
        // What PyTorch's state_dict adds, and aux arrays of another run.
        weights.put("layer1.0.bn1.num_batches_tracked", new Tensor("I64", new long[0], new byte[8]));
        weights.put("aux.m0.ind.01fc_weight", Tensor.ofFloats(new long[] {1}, new float[] {1}));
        Path file = dir.resolve("from-torch.safetensors");
        SafetensorsFile.write(file, weights, Map.of());

        InitFrom r = InitWeights.read(file, NetworkPlan.of(Arch.parse("resnet20"))).record();
        assertEquals(FileDigest.of(file).sha256(), r.sha256());
        assertEquals(Files.size(file), r.bytes());
        assertEquals(file.toAbsolutePath().toString(), r.file());
        assertEquals(weights.size() - 2, r.arrays());
        assertEquals(List.of("layer1.0.bn1.num_batches_tracked", "aux.m0.ind.01fc_weight"), r.ignored());
    }

    @Test
    void fileOfAnotherShapeIsRefusedNamingTheArrayAndBothShapes() throws Exception {
        Map<String, Tensor> weights = new LinkedHashMap<>(SafetensorsFile.read(exportedBp()).tensors());
        weights.put("fc.weight", Tensor.ofFloats(new long[] {5, 64}, new float[5 * 64]));
        Path file = dir.resolve("five-classes.safetensors");
        SafetensorsFile.write(file, weights, Map.of());

        FileFormatException e = assertThrows(FileFormatException.class,
                () -> InitWeights.read(file, NetworkPlan.of(Arch.parse("resnet20"))));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("fc.weight is [5, 64] in the file, [10, 64] in the network"),
                e.getMessage());
    }

    @Test
    void referenceModelsClassifierNameIsRefusedWithTheRenameToMake() throws Exception {
        Map<String, Tensor> weights = new LinkedHashMap<>();
        SafetensorsFile.read(exportedBp()).tensors().forEach((k, v) -> weights.put(k.replaceFirst("^fc\\.", "fc64."), v));
        Path file = dir.resolve("fc64.safetensors");
        SafetensorsFile.write(file, weights, Map.of());

        FileFormatException e = assertThrows(FileFormatException.class,
                () -> InitWeights.read(file, NetworkPlan.of(Arch.parse("resnet20"))));
        assertTrue(e.getMessage().contains("missing 2 arrays (fc.weight, fc.bias)"), e.getMessage());
        assertTrue(e.getMessage().contains("2 arrays (fc64.weight, fc64.bias) that the network does not have"),
                e.getMessage());
        assertTrue(e.getMessage().contains("rename fc64.* to fc.*"), e.getMessage());
    }

    @Test
    void resumeWithStartWeightsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingRun.resume(
                dir, RunOptions.defaults().withInit(dir.resolve("w.safetensors")), TinyData.make(8, 8, 8, 2, 1)));
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().contains("--init"), e.getMessage());
    }
}
