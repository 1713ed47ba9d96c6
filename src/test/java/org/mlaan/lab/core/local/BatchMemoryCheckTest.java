package org.mlaan.lab.core.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;

class BatchMemoryCheckTest {
    private static final long GIB = 1L << 30;

    private static LocalPlan plan(String method) throws ConfigException {
        String split = method.equals("BP") ? "" : ", \"split\": {\"preset\": \"resnet32-k16\"}";
        return LocalPlanner.resolve(ConfigFiles.mapperRead(
                "{\"network\": {\"arch\": \"resnet32\"}, \"method\": \"" + method + "\"" + split + "}"),
                NetworkPlan.of(Arch.RESNET32));
    }

    @Test
    void aBatchBeyondTheMemoryIsRefusedWithBothFigures() throws ConfigException {
        LocalPlan bp = plan("BP");
        long perImage = ActivationEstimate.of(bp, 1).backpropBytes();
        int batch = 10_000;
        Optional<String> problem = new BatchMemoryCheck(24 * GIB, "this machine").problem(bp, batch);
        String needed = String.format(java.util.Locale.ROOT, "%.1f GiB", (double) perImage * batch / GIB);
        assertEquals(Optional.of("training.batchSize: 10000 images need about " + needed
                + " of activations (estimate), this machine has 24.0 GiB"), problem);
    }

    @Test
    void aMillionImagesAreShownInTebibytes() throws ConfigException {
        String message = new BatchMemoryCheck(24 * GIB, "this machine").problem(plan("BP"), 1_000_000).orElseThrow();
        assertEquals(true, message.matches("training\\.batchSize: 1000000 images need about \\d\\.\\d TiB .*"),
                message);
    }

    @Test
    void aBatchThatFitsIsNotRefused() throws ConfigException {
        LocalPlan bp = plan("BP");
        long perImage = ActivationEstimate.of(bp, 1).backpropBytes();
        assertEquals(Optional.empty(), new BatchMemoryCheck(perImage * 128, "gpu(0)").problem(bp, 128));
        assertEquals(Optional.of("training.batchSize: 129 images need about "),
                new BatchMemoryCheck(perImage * 128, "gpu(0)").problem(bp, 129)
                        .map(s -> s.substring(0, s.indexOf("about ") + 6)));
    }

    @Test
    void aLocalMethodIsJudgedByItsOwnSmallerPeak() throws ConfigException {
        LocalPlan dgl = plan("DGL");
        ActivationEstimate perImage = ActivationEstimate.of(dgl, 1);
        long memory = perImage.localBytes() * 64;
        assertEquals(Optional.empty(), new BatchMemoryCheck(memory, "gpu(0)").problem(dgl, 64),
                "fits for DGL although backprop would need " + perImage.backpropBytes() * 64 + " bytes");
        assertEquals(true, new BatchMemoryCheck(memory, "gpu(0)").problem(plan("BP"), 64).isPresent());
    }

    @Test
    void unknownMemoryRefusesNothing() throws ConfigException {
        assertEquals(Optional.empty(), new BatchMemoryCheck(-1, "this machine").problem(plan("BP"), 1_000_000));
    }

    @Test
    void smallFiguresAreShownInSmallerUnits() throws ConfigException {
        LocalPlan bp = plan("BP");
        String message = new BatchMemoryCheck(64L << 20, "gpu(1)").problem(bp, 10_000).orElseThrow();
        assertEquals(true, message.endsWith("gpu(1) has 64.0 MiB"), message);
    }
}
