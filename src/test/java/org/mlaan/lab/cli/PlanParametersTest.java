package org.mlaan.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.config.ConfigFiles;

/** {@code plan --method M --split S}: what each module trains, as a researcher checks it. */
class PlanParametersTest {

    @Test
    void dglMlaanOnResNet32K8CountsWhatTheReferenceModelTrains() throws Exception {
        CommandLineTest.Result r = CommandLineTest.run("plan", "--arch", "resnet32", "--method", "DGL+MLAAN",
                "--split", "resnet32-k8", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode rows = ConfigFiles.mapper().readTree(r.out()).get("moduleParameters");
        assertEquals(8, rows.size());
        long trainable = 0;
        long twins = 0;
        for (JsonNode m : rows) {
            trainable += m.get("trainable").asLong();
            twins += m.get("twins").asLong();
        }
        JsonNode reference = referenceCase("resnet32", 8);
        assertEquals(reference.get("usedTrainable").asLong(), trainable);
        assertEquals(reference.get("usedTwins").asLong(), twins);
        assertEquals(170, rows.get(1).get("independentHead").asLong(), "a GAP + linear probe on 16 channels");
        assertEquals(0, rows.get(7).get("leap").asLong(), "the last module trains through the backbone's own head");
    }

    @Test
    void theTableNamesEveryPartAndTheTotals() {
        CommandLineTest.Result r = CommandLineTest.run("plan", "--arch", "resnet20", "--method", "DGL",
                "--split", "1.1,2.0,2.2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("g_i head") && r.out().contains("EMA twins"), r.out());
        assertTrue(r.out().contains("total: ") && r.out().contains(" EMA-averaged"), r.out());
        assertTrue(r.out().contains("3.0..head"), "the last module ends with the classifier: " + r.out());
    }

    @Test
    void aLocalMethodWithoutASplitNamesTheOptionAndThePresets() {
        CommandLineTest.Result r = CommandLineTest.run("plan", "--arch", "resnet32", "--method", "DGL+MLAAN");
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("--split") && r.err().contains("resnet32-k16"), r.err());
    }

    private static JsonNode referenceCase(String arch, int k) throws Exception {
        try (InputStream in = PlanParametersTest.class.getResourceAsStream(
                "/org/mlaan/lab/engine/reference-param-counts.json")) {
            for (JsonNode c : ConfigFiles.mapper().readTree(in).get("cases")) {
                if (c.get("arch").asText().equals(arch) && c.get("localModuleNum").asInt() == k) {
                    return c;
                }
            }
        }
        throw new AssertionError("no reference case " + arch + " K=" + k);
    }
}
