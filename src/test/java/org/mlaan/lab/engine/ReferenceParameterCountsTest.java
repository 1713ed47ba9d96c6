package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.local.LocalPlan;
import org.mlaan.lab.core.local.LocalPlanner;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.data.Normalization;
import org.mlaan.lab.engine.net.Backbone;

/**
 * DGL+MLAAN trains as many weights, module by module, as the reference code's model uses in one
 * step. The expected counts come from {@code reference-param-counts.json}, written by
 * {@code src/test/python/reference_param_counts.py} from {@code resnetMLAAN.py} itself
 * (github.com/Wendy231015/MLAAN at the commit the file names): backbone, and for every module with
 * a loss its independent probe, cascaded probe, leap stack and the leap stack's one EMA twin.
 *
 * <p>The one stated difference (ALGORITHMS.md Part A.1): the lab's K=16 and K=55 presets cut after
 * the stem, so the reference's first module (stem + block 1.0, no loss of its own, its leap stack
 * A_0 built but unused) becomes two: the stem alone, quiet, and block 1.0, which has a full window
 * and so trains A_0 with its twin, a probe on 16 channels and a cascaded probe.
 */
class ReferenceParameterCountsTest {
    private static JsonNode reference;

    @BeforeAll
    static void readFixture() throws Exception {
        try (InputStream in = ReferenceParameterCountsTest.class.getResourceAsStream("reference-param-counts.json")) {
            reference = new ObjectMapper().readTree(in);
        }
    }

    @ParameterizedTest(name = "{0} {1} against the reference's local_module_num={2}")
    @CsvSource({"resnet32, resnet32-k8, 8, false", "resnet32, resnet32-k16, 15, true",
            "resnet110, resnet110-k55, 54, true"})
    void dglMlaanTrainsWhatTheReferenceCodeTrains(String arch, String preset, int referenceK, boolean stemAlone)
            throws Exception {
        JsonNode ref = referenceCase(arch, referenceK);
        ParameterCounts lab = build(arch, preset);
        int shift = stemAlone ? 1 : 0;
        assertEquals(referenceK + shift, lab.modules().size());
        assertEquals(ref.get("backbone").asLong(), lab.backbone(), "backbone incl. fc64");

        for (JsonNode m : ref.get("modules")) {
            ParameterCounts.Module row = lab.modules().get(m.get("module").asInt() + shift);
            String at = "module " + row.module() + " (reference module " + m.get("module").asInt() + ")";
            assertEquals(m.get("endsAt").asText(), row.last(), at + " ends at the same block");
            assertEquals(m.get("independentHead").asLong(), row.independentHead(), at + " independent probe");
            assertEquals(m.get("cascadeHead").asLong(), row.cascadeHead(), at + " cascaded probe");
            assertEquals(m.get("leapParams").asLong(), row.leap(), at + " leap stack " + m.get("leap"));
            assertEquals(m.get("twinParams").asLong(), row.leapTwins(), at + " EMA twin");
        }
        long expectedTrainable = ref.get("usedTrainable").asLong();
        long expectedTwins = ref.get("usedTwins").asLong();
        ParameterCounts.Module first = lab.modules().get(0);
        assertEquals(0, first.trainable() - first.backbone(), "the first module trains no aux: no loss before the first full window");
        if (stemAlone) {
            JsonNode unused = ref.get("unused").get("module0");
            ParameterCounts.Module block10 = lab.modules().get(1);
            assertEquals(unused.get("endsAt").asText(), block10.last());
            assertEquals(unused.get("leapParams").asLong(), block10.leap(), "block 1.0 trains the reference's unused A_0");
            assertEquals(unused.get("twinFirstBlockParams").asLong(), block10.leapTwins());
            long probe16 = 16 * 10 + 10;
            long probe64 = 64 * 10 + 10;
            assertEquals(probe16, block10.independentHead());
            assertEquals(probe64, block10.cascadeHead());
            expectedTrainable += unused.get("leapParams").asLong() + probe16 + probe64;
            expectedTwins += unused.get("twinFirstBlockParams").asLong();
        }
        assertEquals(expectedTrainable, lab.trainable(), "trainable values in total");
        assertEquals(expectedTwins, lab.twins(), "EMA-averaged values in total");
    }

    private static JsonNode referenceCase(String arch, int k) {
        for (JsonNode c : reference.get("cases")) {
            if (c.get("arch").asText().equals(arch) && c.get("localModuleNum").asInt() == k) {
                return c;
            }
        }
        throw new AssertionError("no reference case " + arch + " K=" + k);
    }

    private static ParameterCounts build(String arch, String preset) throws Exception {
        LocalPlan plan = LocalPlanner.resolve(ConfigFiles.mapperRead("{\"network\": {\"arch\": \"" + arch
                + "\"}, \"method\": \"DGL+MLAAN\", \"split\": {\"preset\": \"" + preset + "\"}}"),
                NetworkPlan.of(Arch.parse(arch)));
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Backbone backbone = new Backbone(plan.network(), 1);
            backbone.initialize(manager);
            LocalNetwork net = LocalNetwork.create(plan, backbone, Normalization.CIFAR10, 1, manager);
            ParameterCounts counts = ParameterCounts.of(net);
            long optimised = net.trainableParameters().values().stream()
                    .mapToLong(p -> p.getArray().getShape().size()).sum();
            assertEquals(optimised, counts.trainable(), "the counts cover every array the optimiser updates");
            return counts;
        }
    }
}
