package org.mlaan.lab.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.SplitConfig;
import org.mlaan.lab.core.io.SafetensorsFile;
import org.mlaan.lab.core.io.SafetensorsFile.Tensor;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.run.RunFolder;
import org.mlaan.lab.core.run.RunFolderException;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.core.split.ModuleSpan;

/**
 * Writes the backbone of a run's last checkpoint as a safetensors file under PyTorch's names
 * ({@code export}), for a researcher to load into a torchvision-style ResNet in Python or to start
 * another run from ({@code train --init}). The backbone is built from the run's config and loaded
 * from the checkpoint exactly as the analyses load it ({@link TrainedNetwork}), after the
 * checkpoint's checksums have been verified. BN running statistics are written (they are in
 * PyTorch's {@code state_dict}); {@code num_batches_tracked} is not ({@link TorchStateDict}).
 *
 * <p>With the aux nets, every aux array of the checkpoint follows under the lab's own name
 * ({@code aux.m3.leap0.01conv1_weight}, as the training step names them): PyTorch code has no
 * standard names for them.
 *
 * <p>The file's {@code __metadata__} says what it holds: the lab's version, network, method,
 * split, classes, input size, run folder and checkpoint position.
 */
public final class RunExport {
    private static final String AUX_PREFIX = "aux.";

    private RunExport() {}

    /**
     * What was written.
     *
     * @param file the file
     * @param backboneArrays backbone arrays written (parameters and BN running statistics)
     * @param auxArrays aux arrays written (0 without {@code --aux} or for BP)
     * @param bytes the file's size
     * @param checkpoint the checkpoint's position, epoch.step
     */
    public record Written(Path file, int backboneArrays, int auxArrays, long bytes, String checkpoint) {}

    /**
     * Writes the backbone (and with {@code withAux} the aux arrays) of {@code run}'s last
     * checkpoint to {@code file}, atomically.
     *
     * @throws RunFolderException when the run has no checkpoint or its checkpoint is damaged
     */
    public static Written write(RunRecord run, Path file, boolean withAux) throws IOException {
        Path checkpoint = Checkpoint.find(run.dir().resolve(RunFolder.CHECKPOINTS)).orElseThrow(
                () -> new RunFolderException(run.dir() + ": no checkpoint to export (one is written at the end of"
                        + " each epoch and on cancel)"));
        Checkpoint.verify(checkpoint);
        try (TrainedNetwork net = TrainedNetwork.load(run, "cpu", 1, 1)) {
            Map<String, Tensor> tensors = new LinkedHashMap<>(TorchStateDict.of(net.backbone()));
            int backbone = tensors.size();
            int aux = 0;
            Path auxFile = checkpoint.resolve(Checkpoint.AUX);
            if (withAux && Files.exists(auxFile)) {
                Map<String, Tensor> auxTensors = auxTensors(auxFile);
                aux = auxTensors.size();
                tensors.putAll(auxTensors);
            }
            SafetensorsFile.write(file, tensors, metadata(run, net, withAux));
            return new Written(file, backbone, aux, Files.size(file), net.checkpoint().position());
        }
    }

    /** The checkpoint's aux arrays under their lab names, each starting {@code aux.}. */
    private static Map<String, Tensor> auxTensors(Path auxFile) throws IOException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                InputStream in = new BufferedInputStream(Files.newInputStream(auxFile))) {
            NDList list;
            try {
                list = NDList.decode(manager, in);
            } catch (RuntimeException e) {
                throw new RunFolderException(auxFile + ": cannot be decoded (" + e.getMessage() + ")", e);
            }
            for (NDArray a : list) {
                // The training step already names them aux.m<i>.<role>.…; the prefix keeps that promise
                // should a component ever be named otherwise, so no aux name can shadow a backbone one.
                String name = a.getName().startsWith(AUX_PREFIX) ? a.getName() : AUX_PREFIX + a.getName();
                out.put(name, TorchStateDict.tensor(name, a));
            }
        }
        return out;
    }

    private static Map<String, String> metadata(RunRecord run, TrainedNetwork net, boolean withAux) {
        NetworkPlan plan = net.plan();
        Map<String, String> m = new LinkedHashMap<>();
        // What safetensors.torch.save_file writes; some loaders (Hugging Face) look for it.
        m.put("format", "pt");
        m.put("mlaan_lab_version", RunProvenance.labVersion());
        m.put("arch", plan.arch().id());
        m.put("method", net.method().label());
        m.put("split", split(run.config(), net.modules()));
        m.put("classes", Integer.toString(plan.classes()));
        m.put("input_size", plan.input().toString());
        m.put("run", net.name());
        m.put("checkpoint", net.checkpoint().position());
        m.put("names", "backbone: PyTorch's (torchvision ResNet: conv1, bn1, layer<s>.<b>.*, fc); no"
                + " num_batches_tracked, so load with strict=False"
                + (withAux ? "; aux.*: the lab's own names" : ""));
        return m;
    }

    /** The modules as cut: the preset's name when there is one, K and where the cuts fall. */
    static String split(ExperimentConfig config, List<ModuleSpan> modules) {
        if (modules.size() <= 1) {
            return "none (1 module)";
        }
        SplitConfig s = config.split();
        String preset = s == null || s.preset() == null ? "" : s.preset() + ": ";
        return preset + modules.size() + " modules, cuts after " + String.join(", ",
                modules.subList(0, modules.size() - 1).stream().map(ModuleSpan::lastName).toList());
    }
}
