package org.mlaan.lab.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;

/** A config resolved once: the same value each time, every problem at once, the shape of its data honoured. */
class ExperimentTest {

    private static ExperimentConfig config(String json) {
        return ConfigFiles.mapperRead(json);
    }

    @Test
    void resolvingTwiceGivesEqualValues() throws ConfigException {
        ExperimentConfig c = config("{\"network\": {\"arch\": \"resnet32\"}, \"method\": \"DGL+MLAAN\","
                + " \"split\": {\"preset\": \"resnet32-k16\"}}");
        Experiment a = Experiment.resolve(c, new DataShape(3, 32, 10));
        Experiment b = Experiment.resolve(c, new DataShape(3, 32, 10));
        assertEquals(a, b);
        assertEquals(a.description(), b.description());
        assertEquals(16, a.k());
    }

    @Test
    void theNetworkIsPlannedForTheDataShape() throws ConfigException {
        ExperimentConfig c = config("{\"network\": {\"arch\": \"resnet20\"}, \"method\": \"BP\"}");
        Experiment grey = Experiment.resolve(c, new DataShape(1, 28, 26));
        assertEquals(1, grey.network().input().channels());
        assertEquals(28, grey.network().input().height());
        assertEquals(26, grey.network().classes());
        assertTrue(grey.isBackprop());
    }

    @Test
    void fieldAndSplitProblemsComeTogetherWithTheNetworkForTheWindow() {
        ExperimentConfig c = config("{\"network\": {\"arch\": \"resnet20\"}, \"method\": \"DGL\","
                + " \"split\": {\"cutsAfter\": [\"9.9\"]}, \"training\": {\"epochs\": 0}}");
        Experiment.Check field = Experiment.check(c);
        assertNotNull(field.network(), "the network is drawn while the config has problems");
        assertNull(field.experiment());
        assertTrue(field.problems().stream().anyMatch(p -> p.startsWith("training.epochs")), field.problems().toString());

        ExperimentConfig splitOnly = config("{\"network\": {\"arch\": \"resnet20\"}, \"method\": \"DGL\","
                + " \"split\": {\"cutsAfter\": [\"9.9\"]}}");
        ConfigException e = assertThrows(ConfigException.class, () -> Experiment.resolve(splitOnly,
                DataShape.expected(splitOnly)));
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("9.9")), e.problems().toString());
    }

    @Test
    void theDescriptionSaysTheOrderAndEveryModulesRoles() throws ConfigException {
        ExperimentConfig c = config("{\"network\": {\"arch\": \"resnet20\"}, \"method\": \"DGL+MLAAN\","
                + " \"split\": {\"cutsAfter\": [\"1.1\", \"2.0\", \"2.2\"]}}");
        ExperimentDescription d = Experiment.resolve(c, DataShape.expected(c)).description();
        assertEquals(StepOrder.current().id(), d.stepOrder());
        assertEquals("3x32x32, 10 classes", d.input());
        assertEquals(4, d.modules().size());
        assertEquals("stem-1.1", d.modules().get(0).units());
        assertEquals("none", d.modules().get(0).cascade(), "module 0 has no cascaded loss (w = 2)");
        assertTrue(d.modules().get(1).cascade().startsWith("w=2 "), d.modules().get(1).cascade());
        assertEquals(List.of(), d.modules().get(3).leap(), "the last module leaps nowhere");
        assertEquals("fc x0.001", d.modules().get(3).independentHead(), "the last module's x loss through the fc");
        assertEquals("w=2 fc x0.999", d.modules().get(3).cascade(), "and its window's y path through it");
    }

    @Test
    void theOrderPropertyParses() {
        assertEquals(StepOrder.REUSE, StepOrder.parse(null));
        assertEquals(StepOrder.REFERENCE, StepOrder.parse(" Reference"));
        assertEquals(StepOrder.REUSE, StepOrder.parse("reuse"));
        assertThrows(IllegalArgumentException.class, () -> StepOrder.parse("summed"));
    }
}
