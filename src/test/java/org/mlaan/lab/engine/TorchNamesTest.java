package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.engine.net.Backbone;

/** The lab's backbone arrays carry the names and shapes of the reference model's state_dict. */
class TorchNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"resnet32", "resnet110"})
    void everyBackboneArrayHasTheReferenceNameAndShape(String arch) throws Exception {
        Map<String, String> expected = new TreeMap<>();
        try (InputStream in = getClass().getResourceAsStream("reference-param-counts.json")) {
            for (JsonNode c : new ObjectMapper().readTree(in).get("cases")) {
                if (c.get("arch").asText().equals(arch)) {
                    c.get("backboneArrays").forEach(a -> expected.put(a.get(0).asText(), a.get(1).toString()));
                    break;
                }
            }
        }
        Map<String, String> lab = new TreeMap<>();
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone b = Backbone.create(NetworkPlan.of(Arch.parse(arch)), m, 1);
            b.namedParameters().forEach((name, p) -> {
                // resnetMLAAN.py names its classifier fc64 (its fc is built and never used).
                String torch = TorchNames.of(name).replaceFirst("^fc\\.", "fc64.");
                String shape = Arrays.toString(p.getArray().getShape().getShape()).replace(" ", "");
                assertTrue(lab.put(torch, shape) == null, "two arrays named " + torch);
            });
        }
        assertTrue(expected.size() > 100, "the fixture lists the backbone");
        assertEquals(expected, lab);
    }

    @Test
    void imageNetBottlenecksFollowTorchvision() {
        assertEquals("conv1.weight", TorchNames.of("01stem_01conv_weight"));
        assertEquals("layer1.0.conv3.weight", TorchNames.of("021.0_05conv3_weight"));
        assertEquals("layer1.0.downsample.1.running_var", TorchNames.of("021.0_08shortcutBn_runningVar"));
        assertEquals("fc.bias", TorchNames.of("10head_01fc_bias"));
    }

    @Test
    void aNameThatIsNotABackboneArrayIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TorchNames.of("aux.m1.ind.fc_weight"));
        assertTrue(e.getMessage().contains("aux.m1.ind.fc_weight"), e.getMessage());
    }
}
