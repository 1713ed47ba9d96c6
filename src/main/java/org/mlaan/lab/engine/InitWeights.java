package org.mlaan.lab.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlaan.lab.core.io.FileDigest;
import org.mlaan.lab.core.io.FileFormatException;
import org.mlaan.lab.core.io.SafetensorsFile.Tensor;
import org.mlaan.lab.core.io.SafetensorsFile;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.run.InitFrom;
import org.mlaan.lab.engine.net.Backbone;
import org.mlaan.lab.engine.net.NoGrad;

/**
 * The weights a new run starts from instead of its seed's ({@code train --init}): the arrays of
 * a safetensors file under their PyTorch names ({@link TorchNames}), as {@code export} writes them
 * and as PyTorch saves a torchvision-style ResNet's {@code state_dict}.
 *
 * <p>The file is read once (its SHA-256 is of the bytes that were used) and checked against the
 * run's network before anything is written: every backbone array must be there, float32, with
 * the backbone's shape. An array the backbone has no place for is refused, naming it, unless it is
 * an aux array ({@code aux.*}: a new run builds its own aux nets) or PyTorch's BN step counter
 * ({@code *.num_batches_tracked}, which the lab's BN does not keep); those are ignored and listed
 * in the run's provenance.
 */
final class InitWeights {
    private static final String AUX_PREFIX = "aux.";
    private static final String BN_COUNTER = ".num_batches_tracked";
    private static final int LISTED = 8;

    private final Path file;
    private final FileDigest digest;
    private final Map<String, Tensor> byLabName;
    private final List<String> ignored;

    private InitWeights(Path file, FileDigest digest, Map<String, Tensor> byLabName, List<String> ignored) {
        this.file = file;
        this.digest = digest;
        this.byLabName = byLabName;
        this.ignored = ignored;
    }

    /**
     * Reads {@code file} and checks it against the backbone of {@code plan}.
     *
     * @throws FileFormatException naming the file and what is wrong: its format, or the arrays
     *     that are missing, of the wrong shape or dtype, or unknown
     */
    static InitWeights read(Path file, NetworkPlan plan) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such weights file");
        }
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 16) {
            throw new FileFormatException(file, "is " + size + " bytes; the lab reads weights files up to 2 GiB");
        }
        byte[] bytes = Files.readAllBytes(file);
        FileDigest digest = FileDigest.of(bytes);
        Map<String, Tensor> tensors = SafetensorsFile.parse(file, bytes).tensors();

        Map<String, Slot> slots = slots(plan);
        List<String> missing = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        Map<String, Tensor> byLabName = new LinkedHashMap<>();
        for (Map.Entry<String, Slot> e : slots.entrySet()) {
            String torch = e.getKey();
            long[] shape = e.getValue().shape();
            Tensor t = tensors.get(torch);
            if (t == null) {
                missing.add(torch);
            } else if (!t.dtype().equals("F32")) {
                wrong.add(torch + " is " + t.dtype() + ", the lab trains in F32 (save it with .float())");
            } else if (!Arrays.equals(t.shape(), shape)) {
                wrong.add(torch + " is " + Arrays.toString(t.shape()) + " in the file, " + Arrays.toString(shape)
                        + " in the network");
            } else {
                byLabName.put(e.getValue().labName(), t);
            }
        }
        List<String> unknown = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (String name : tensors.keySet()) {
            if (slots.containsKey(name)) {
                continue;
            }
            if (name.startsWith(AUX_PREFIX) || name.endsWith(BN_COUNTER)) {
                ignored.add(name);
            } else {
                unknown.add(name);
            }
        }
        if (!missing.isEmpty() || !wrong.isEmpty() || !unknown.isEmpty()) {
            throw new FileFormatException(file, misfit(plan, missing, wrong, unknown));
        }
        return new InitWeights(file, digest, byLabName, ignored);
    }

    /** Where a backbone array goes: its lab name and shape. */
    private record Slot(String labName, long[] shape) {}

    /** Every backbone array of {@code plan} by its PyTorch name, in the backbone's order. */
    private static Map<String, Slot> slots(NetworkPlan plan) {
        Map<String, Slot> out = new LinkedHashMap<>();
        try (NDManager scratch = NDManager.newBaseManager(Device.cpu())) {
            Backbone b = Backbone.create(plan, scratch, 0);
            for (Map.Entry<String, Parameter> e : b.namedParameters().entrySet()) {
                out.put(TorchNames.of(e.getKey()), new Slot(e.getKey(), e.getValue().getArray().getShape().getShape()));
            }
        }
        return out;
    }

    private static String misfit(NetworkPlan plan, List<String> missing, List<String> wrong, List<String> unknown) {
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("missing " + listed(missing, "array"));
        }
        parts.addAll(wrong.subList(0, Math.min(LISTED, wrong.size())));
        if (wrong.size() > LISTED) {
            parts.add((wrong.size() - LISTED) + " more arrays of the wrong shape or dtype");
        }
        if (!unknown.isEmpty()) {
            parts.add(listed(unknown, "array") + " that the network does not have");
        }
        String hint = "";
        if (unknown.stream().anyMatch(n -> n.startsWith("fc64.")) && missing.stream().anyMatch(n -> n.startsWith("fc."))) {
            hint = " (the reference CIFAR model names its classifier fc64: rename fc64.* to fc.*)";
        }
        return "does not fit the backbone of " + plan.arch().id() + " (input " + plan.input() + ", "
                + plan.classes() + " classes): " + String.join("; ", parts) + hint;
    }

    private static String listed(List<String> names, String noun) {
        String shown = String.join(", ", names.subList(0, Math.min(LISTED, names.size())));
        return names.size() + " " + noun + (names.size() == 1 ? "" : "s") + " (" + shown
                + (names.size() > LISTED ? ", and " + (names.size() - LISTED) + " more" : "") + ")";
    }

    /**
     * Copies the file's arrays into {@code backbone} (the plan it was read for) in place: its
     * arrays, their gradient flags and any optimiser's references stay the same.
     */
    void copyInto(Backbone backbone, NDManager manager) {
        try (NDManager scratch = manager.newSubManager(); NoGrad noGrad = NoGrad.enter()) {
            for (Map.Entry<String, Parameter> e : backbone.namedParameters().entrySet()) {
                Tensor t = byLabName.get(e.getKey());
                if (t == null) {
                    throw new IllegalArgumentException(file + ": was read for another network; it has no "
                            + TorchNames.of(e.getKey()));
                }
                NDArray target = e.getValue().getArray();
                target.set(new NDIndex("..."), TorchStateDict.array(scratch, t).toDevice(target.getDevice(), false));
            }
        }
    }

    /** What the run's provenance records of the file. */
    InitFrom record() {
        return new InitFrom(file.toAbsolutePath().normalize().toString(), digest.bytes(), digest.sha256(),
                byLabName.size(), ignored);
    }
}
