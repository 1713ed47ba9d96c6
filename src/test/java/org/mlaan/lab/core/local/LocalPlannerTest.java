package org.mlaan.lab.core.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;

class LocalPlannerTest {
    private static final NetworkPlan R32 = NetworkPlan.of(Arch.RESNET32);

    private static LocalPlan plan(String json, NetworkPlan network) throws ConfigException {
        ExperimentConfig c = ConfigFiles.mapperRead(json);
        return LocalPlanner.resolve(c, network);
    }

    private static String problems(String json) {
        return assertThrows(ConfigException.class,
                () -> org.mlaan.lab.core.experiment.Experiment.validate(ConfigFiles.parse(json, "c.json"), "c.json"))
                .getMessage();
    }

    @Test
    void backpropIsOneModuleWithoutRoles() throws ConfigException {
        LocalPlan p = plan("{\"network\": {\"arch\": \"resnet32\"}}", R32);
        assertTrue(p.isBackprop());
        assertEquals(17, p.modules().get(0).span().unitCount());
    }

    @Test
    void mlaanOnThePaperSplitTakesTheLeapTableAndTheCodeWeights() throws ConfigException {
        LocalPlan p = plan("""
                {"network": {"arch": "resnet32"}, "method": "DGL+MLAAN", "split": {"preset": "resnet32-k16"}}
                """, R32);
        assertEquals(16, p.k());
        ModulePlan m11 = p.modules().get(11);
        assertEquals("3.0", m11.span().firstName());
        assertEquals(List.of("3.1", "3.2", "3.4"), m11.leapBlocks());
        assertEquals(1, m11.emaTwins());
        assertEquals(HeadKind.PROBE, m11.independent().orElseThrow().head(), "resnetMLAAN.py's net_classifier (Part A.2 correction)");
        assertEquals(HeadKind.PROBE, m11.cascade().orElseThrow().head());
        assertEquals(0.001, m11.wx());
        assertEquals(0.999, m11.wy());
        assertEquals(2, m11.window());
        assertFalse(p.modules().get(0).hasCascadeLoss(), "no full window at module 0 (Part B §4)");
        assertFalse(p.modules().get(0).hasIndependentLoss(), "the code computes no loss at all before the first window");
        assertEquals(List.of(), p.modules().get(0).leapBlocks(), "no loss would train a leap stack at module 0");
        assertTrue(p.modules().get(1).hasIndependentLoss());
        assertTrue(p.modules().get(1).hasCascadeLoss());
        assertTrue(p.lastHasCascade());
        assertEquals(List.of(), p.last().leapBlocks());
        assertEquals(HeadKind.NONE, p.last().independent().orElseThrow().head());
    }

    @Test
    void methodNamesSwitchTheRolesOnAndOff() throws ConfigException {
        String split = ", \"network\": {\"arch\": \"resnet32\"}, \"split\": {\"preset\": \"resnet32-k8\"}}";
        LocalPlan dgl = plan("{\"method\": \"DGL\"" + split, R32);
        assertEquals(0, dgl.modules().get(3).window());
        assertTrue(dgl.modules().get(3).leapBlocks().isEmpty());
        assertEquals(1.0, dgl.modules().get(3).wx());
        LocalPlan mlm = plan("{\"method\": \"DGL+MLM\"" + split, R32);
        assertEquals(2, mlm.modules().get(3).window());
        assertTrue(mlm.modules().get(3).leapBlocks().isEmpty());
        LocalPlan lam = plan("{\"method\": \"DGL+LAM\"" + split, R32);
        assertEquals(1, lam.modules().get(3).window());
        assertEquals(List.of("3.0", "3.2", "3.3", "3.4"), lam.modules().get(3).leapBlocks());
        assertTrue(lam.modules().get(0).hasCascadeLoss(), "a window of 1 is full at module 0");
        assertTrue(lam.modules().get(0).hasIndependentLoss());
        assertFalse(lam.lastHasCascade());
    }

    @Test
    void modulesBeforeTheFirstFullWindowAreQuietUnlessAModuleAsks() throws ConfigException {
        LocalPlan w3 = plan("""
                {"network": {"arch": "resnet32"}, "method": "DGL+MLM", "split": {"preset": "resnet32-k8"},
                 "local": {"window": 3}}
                """, R32);
        assertFalse(w3.modules().get(0).hasIndependentLoss());
        assertFalse(w3.modules().get(1).hasIndependentLoss(), "w = 3: no loss at i = 0, 1 (the *bin files)");
        assertTrue(w3.modules().get(2).hasIndependentLoss());
        LocalPlan asked = plan("""
                {"network": {"arch": "resnet32"}, "method": "DGL+MLAAN", "split": {"preset": "resnet32-k8"},
                 "local": {"modules": [{"module": 0, "independentHead": "dgl"}]}}
                """, R32);
        assertEquals(HeadKind.DGL, asked.modules().get(0).independent().orElseThrow().head());
        assertEquals(HeadKind.PROBE, asked.modules().get(1).independent().orElseThrow().head());
    }

    @Test
    void anyOtherSplitGetsTheLeapRule() throws ConfigException {
        LocalPlan p = plan("""
                {"network": {"arch": "resnet20"}, "method": "DGL+LAM", "split": {"cutsAfter": ["1.1", "2.2"]}}
                """, NetworkPlan.of(Arch.RESNET20));
        assertEquals(3, p.k());
        // DGL+LAM's window of 1 is full at module 0, so module 0 has a leap stack too.
        assertEquals(List.of("2.0", "3.0", "3.1", "3.2"), p.modules().get(0).leapBlocks());
        assertEquals(List.of("3.0", "3.1", "3.2"), p.modules().get(1).leapBlocks());
    }

    @Test
    void manCopiesTheNextBlockAndWeighsByItsStage() throws ConfigException {
        LocalPlan p = plan("""
                {"network": {"arch": "resnet32"}, "method": "MAN", "split": {"preset": "resnet32-k4"}}
                """, R32);
        assertEquals("1.3", p.modules().get(0).momentumAux().orElseThrow().nextBlock());
        assertEquals("2.2", p.modules().get(1).momentumAux().orElseThrow().nextBlock());
        assertEquals(MomentumAuxKind.MAN, p.modules().get(2).momentumAux().orElseThrow().kind());
        assertEquals(CopyInit.REINIT, p.copyInit());
        // Module 1 ends at 2.1, so the next block is in stage 2: ratio 2/(4-2) = 1 -> (ixx_2, ixy_2) = (0, 0).
        assertEquals(0.0, p.modules().get(1).lambdas().recon(), 1e-12);
        // Module 0's next block is in stage 1: ratio 1/2 -> lambda1 = 5*0.5 + 0 = 2.5, lambda2 = 0.5*0.5 = 0.25.
        assertEquals(2.5, p.modules().get(0).lambdas().recon(), 1e-12);
        assertEquals(0.25, p.modules().get(0).lambdas().cls(), 1e-12);
    }

    @Test
    void infoproMlaanWeighsByTheStageOfTheModulesOwnLastBlock() throws ConfigException {
        // resnetInfoProbin.py: ratio = local_x/(K-2), local_x the stage of infopro_config[i].
        LocalPlan p = plan("""
                {"network": {"arch": "resnet32"}, "method": "InfoPro+MLAAN", "split": {"preset": "resnet32-k8"},
                 "local": {"lambdas": [6, 0, 0, 6]}}
                """, R32);
        // Module 2 ends at 1.4 (stage 1, the next block 2.0 is in stage 2): ratio 1/6 -> 6*(5/6) = 5, 6/6 = 1.
        assertEquals("1.4", p.modules().get(2).span().lastName());
        assertEquals(5.0, p.modules().get(2).lambdas().recon(), 1e-12);
        assertEquals(1.0, p.modules().get(2).lambdas().cls(), 1e-12);
    }

    @Test
    void infoproWeightsInterpolateOverTheModuleIndex() throws ConfigException {
        LocalPlan p = plan("""
                {"network": {"arch": "resnet32"}, "method": "InfoPro", "split": {"preset": "resnet32-k4"},
                 "local": {"lambdas": [6, 0, 1, 2]}}
                """, R32);
        assertEquals(6.0, p.modules().get(0).lambdas().recon(), 1e-12);
        assertEquals(0.0, p.modules().get(0).lambdas().cls(), 1e-12);
        assertEquals(3.5, p.modules().get(1).lambdas().recon(), 1e-12);
        assertEquals(1.0, p.modules().get(1).lambdas().cls(), 1e-12);
        assertEquals(1.0, p.modules().get(2).lambdas().recon(), 1e-12);
        assertEquals(2.0, p.modules().get(2).lambdas().cls(), 1e-12);
    }

    @Test
    void whatCannotRunIsNamedByFieldAndModule() {
        String m = problems("""
                {"network": {"arch": "resnet32"}, "method": "DGL+MLAAN", "split": {"preset": "resnet32-k8"},
                 "local": {"modules": [{"module": 3, "leap": ["1.4", "3.0", "3.4"]}, {"module": 9}]}}
                """);
        assertTrue(m.contains("local.modules[module 3].leap: module 3 (2.0..2.1): leap block 1.4 is at or before"), m);
        assertTrue(m.contains("local.modules[1].module: expected 0..7 for this split, got 9"), m);
        String unused = problems("""
                {"network": {"arch": "resnet32"}, "method": "DGL+MLAAN", "split": {"preset": "resnet32-k8"},
                 "local": {"modules": [{"module": 0, "leap": ["2.0", "3.0"]}]}}
                """);
        assertTrue(unused.contains("local.modules[module 0].leap: module 0 has no cascaded loss"), unused);
        assertTrue(problems("{\"method\": \"DGL\"}").contains("split: method DGL needs a split"));
        assertTrue(problems("{\"split\": {\"cutsAfter\": [\"1.0\"]}}").contains("method BP trains end to end"));
        assertTrue(problems("{\"network\": {\"arch\": \"resnet20\"}, \"method\": \"DGL\", \"split\": {\"preset\": \"resnet32-k8\"}}")
                .contains("split.preset: resnet32-k8 is written for resnet32, not resnet20"));
        assertTrue(problems("{\"method\": \"DGL\", \"split\": {\"cutsAfter\": [\"1.0\"]}, \"local\": {\"independentHead\": \"mlp\"}}")
                .contains("local.independentHead: unknown head 'mlp'"));
        assertTrue(problems("{\"method\": \"DGL\", \"split\": {\"cutsAfter\": [\"1.0\"]}, \"local\": {\"independentHead\": \"none\"}}")
                .contains("module 0 (stem..1.0): no loss reaches it"));
    }
}
