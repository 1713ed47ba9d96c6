package org.mlaan.lab.ui.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.LocalConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.config.ModuleOverride;
import org.mlaan.lab.core.config.NetworkConfig;
import org.mlaan.lab.core.config.SplitConfig;
import org.mlaan.lab.core.experiment.SplitEditing;
import org.mlaan.lab.core.local.LocalPlan;
import org.mlaan.lab.core.local.LocalPlanner;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.split.PaperPresets;

class SplitEditingTest {
    private static final NetworkPlan R20 = NetworkPlan.of(Arch.RESNET20);

    /** ResNet-20, DGL+MLAAN, cut after 1.1, 2.0 and 2.2 (the window's starting demo): K = 4. */
    private static ExperimentConfig demo() {
        return ExperimentConfig.defaults().withMethod("DGL+MLAAN").withSplit(SplitConfig.cuts(List.of("1.1", "2.0", "2.2")));
    }

    private static ExperimentConfig on(Arch arch, ExperimentConfig c) {
        return new ExperimentConfig(c.name(), c.description(), new NetworkConfig(arch.id()), c.dataset(), c.method(),
                c.split(), c.local(), c.training(), c.seed(), c.device());
    }

    private static ModuleOverride leapOverride(int module, String... blocks) {
        return new ModuleOverride(module, null, null, null, null, null, List.of(blocks), null, null);
    }

    @Test
    void addingACutStoresItInChainOrder() {
        ExperimentConfig c = SplitEditing.addCut(demo(), R20, "1.0");
        assertEquals(List.of("1.0", "1.1", "2.0", "2.2"), c.split().cutsAfter());
        assertNull(c.split().preset());
    }

    @Test
    void noCutMayFollowTheLastBlock() {
        ExperimentConfig before = demo();
        assertSame(before, SplitEditing.addCut(before, R20, "3.2"));
        assertSame(before, SplitEditing.addCut(before, R20, "head"));
        String why = SplitEditing.whyNotCuttable(R20, R20.indexOf("3.2")).orElseThrow();
        assertTrue(why.contains("last block 3.2"), why);
        assertTrue(why.contains("follow 3.1 at the latest"), why);
        assertTrue(SplitEditing.whyNotCuttable(R20, R20.indexOf("3.1")).isEmpty());
    }

    @Test
    void removingACutMergesTheTwoModules() {
        ExperimentConfig c = SplitEditing.removeCut(demo(), R20, "2.0");
        assertEquals(List.of("1.1", "2.2"), c.split().cutsAfter());
    }

    @Test
    void movingACutKeepsTheOthers() {
        ExperimentConfig c = SplitEditing.moveCut(demo(), R20, "2.0", "3.0");
        assertEquals(List.of("1.1", "2.2", "3.0"), c.split().cutsAfter());
    }

    @Test
    void aCutCannotMoveOntoAnotherCutOrPastTheLastBlock() {
        ExperimentConfig before = demo();
        assertSame(before, SplitEditing.moveCut(before, R20, "2.0", "2.2"));
        assertSame(before, SplitEditing.moveCut(before, R20, "2.0", "3.2"));
    }

    @Test
    void editingAPresetTurnsItIntoCuts() {
        NetworkPlan r32 = NetworkPlan.of(Arch.RESNET32);
        ExperimentConfig k4 = on(Arch.RESNET32, ExperimentConfig.defaults().withMethod("DGL")
                .withSplit(SplitConfig.preset("resnet32-k4")));
        ExperimentConfig c = SplitEditing.addCut(k4, r32, "stem");
        assertNull(c.split().preset());
        assertEquals(List.of("stem", "1.2", "2.1", "3.0"), c.split().cutsAfter());
    }

    @Test
    void aModulesSettingsFollowItWhenACutIsAddedBeforeIt() {
        ExperimentConfig c = SplitEditing.withOverride(demo(), leapOverride(2, "3.0", "3.2"));
        ExperimentConfig cut = SplitEditing.addCut(c, R20, "stem");
        assertEquals(1, cut.local().modules().size());
        assertEquals(3, cut.local().modules().get(0).module());
        assertEquals(List.of("3.0", "3.2"), cut.local().modules().get(0).leap());
    }

    @Test
    void removingACutDropsTheSettingsOfTheModuleThatMerges() {
        ExperimentConfig c = SplitEditing.withOverride(SplitEditing.withOverride(demo(), leapOverride(1, "3.0")),
                leapOverride(3, "3.2"));
        ExperimentConfig merged = SplitEditing.removeCut(c, R20, "1.1");
        // Module 1 (1.2..2.0) merged into module 0 and went; module 3 is now module 2.
        assertEquals(1, merged.local().modules().size());
        assertEquals(2, merged.local().modules().get(0).module());
        assertEquals(List.of("3.2"), merged.local().modules().get(0).leap());
    }

    @Test
    void togglingALaterBlockAddsItInChainOrderAndAgainRemovesIt() throws ConfigException {
        ExperimentConfig c = demo();
        LocalPlan lp = LocalPlanner.resolve(c, R20);
        assertEquals(List.of(), lp.modules().get(0).leapBlocks(), "module 0 has no full window, so no leap stack");
        List<String> leap = lp.modules().get(1).leapBlocks();
        assertEquals(List.of("2.2", "3.0", "3.1", "3.2"), leap);

        ExperimentConfig added = SplitEditing.toggleLeap(c, R20, 1, leap, "2.1");
        ModuleOverride o = SplitEditing.overrideOf(added, 1);
        assertEquals(List.of("2.1", "2.2", "3.0", "3.1", "3.2"), o.leap());
        assertNull(o.wx(), "only the leap list is written");
        LocalPlanner.resolve(added, R20); // runs

        ExperimentConfig removed = SplitEditing.toggleLeap(added, R20, 1, o.leap(), "2.1");
        assertEquals(List.of("2.2", "3.0", "3.1", "3.2"), SplitEditing.overrideOf(removed, 1).leap());
    }

    @Test
    void togglingTheLastLeapBlockOffWritesAnEmptyList() {
        ExperimentConfig c = SplitEditing.toggleLeap(demo(), R20, 2, List.of("3.0"), "3.0");
        assertEquals(List.of(), SplitEditing.overrideOf(c, 2).leap());
    }

    @Test
    void aBlockBeforeTheModuleIsWrittenAndNamedByThePlanner() {
        ExperimentConfig c = SplitEditing.toggleLeap(demo(), R20, 1, List.of("2.2", "3.0"), "1.0");
        assertEquals(List.of("1.0", "2.2", "3.0"), SplitEditing.overrideOf(c, 1).leap());
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> LocalPlanner.resolve(c, R20));
        assertTrue(e.problems().get(0).contains("module 1 (1.2..2.0): leap block 1.0 is at or before the module"),
                e.problems().toString());
        assertEquals(java.util.Set.of(1), ModuleProblems.byModule(e.problems()).keySet());
    }

    @Test
    void aSettingReplacesOnlyItsModulesOverride() {
        ExperimentConfig c = SplitEditing.withOverride(demo(), leapOverride(1, "3.0"));
        c = ModuleSetting.WX.writeInto(c, 1, 0.25);
        c = ModuleSetting.WINDOW.writeInto(c, 2, 3);
        assertEquals(2, c.local().modules().size());
        ModuleOverride one = SplitEditing.overrideOf(c, 1);
        assertEquals(0.25, one.wx());
        assertEquals(List.of("3.0"), one.leap());
        assertEquals(3, SplitEditing.overrideOf(c, 2).window());
        assertNull(SplitEditing.overrideOf(SplitEditing.withoutOverride(c, 1), 1));
    }

    @Test
    void applyingAMethodClearsTheOverridesAndKeepsTheSplit() {
        ExperimentConfig c = SplitEditing.withOverride(demo(), leapOverride(0, "3.0"));
        ExperimentConfig dgl = SplitEditing.applyMethod(c, Method.DGL, List.of(), R20);
        assertEquals("DGL", dgl.method());
        assertNull(dgl.local());
        assertEquals(List.of("1.1", "2.0", "2.2"), dgl.split().cutsAfter());
    }

    @Test
    void backpropTakesNoSplitAndALocalMethodGetsTheDrawnCutsBack() {
        ExperimentConfig bp = SplitEditing.applyMethod(demo(), Method.BP, List.of("1.1", "2.0", "2.2"), R20);
        assertEquals("BP", bp.method());
        assertNull(bp.split());
        assertTrue(org.mlaan.lab.core.config.ConfigValidator.problems(bp).isEmpty());
        ExperimentConfig back = SplitEditing.applyMethod(bp, Method.DGL_MLM, List.of("1.1", "2.0", "2.2"), R20);
        assertEquals("DGL+MLM", back.method());
        assertEquals(List.of("1.1", "2.0", "2.2"), back.split().cutsAfter());
    }

    @Test
    void aLocalMethodWithNothingDrawnCutsAtTheStageEnds() {
        ExperimentConfig c = SplitEditing.applyMethod(ExperimentConfig.defaults(), Method.DGL, List.of(), R20);
        assertEquals(List.of("1.2", "2.2"), c.split().cutsAfter());
    }

    @Test
    void anotherNetworkKeepsTheCutsItHasAndTheMethod() {
        ExperimentConfig c = SplitEditing.changeArch(demo(), Arch.RESNET18);
        assertEquals("resnet18", c.network().arch());
        assertEquals("DGL+MLAAN", c.method());
        assertEquals(List.of("1.1", "2.0"), c.split().cutsAfter(), "ResNet-18 has no block 2.2");
    }

    @Test
    void aPresetOfAnotherNetworkBecomesTheCutsThatFit() {
        ExperimentConfig k8 = on(Arch.RESNET32, demo().withSplit(SplitConfig.preset("resnet32-k8")));
        ExperimentConfig c = SplitEditing.changeArch(k8, Arch.RESNET20);
        assertNull(c.split().preset());
        // resnet32-k8 ends modules at 1.0 1.2 1.4 2.1 2.3 3.0 3.2 3.4; ResNet-20 has 1.0 1.2 2.1 and 3.0.
        assertEquals(List.of("1.0", "1.2", "2.1", "3.0"), c.split().cutsAfter());
    }

    @Test
    void overridesOfModulesThatNoLongerExistGoWithTheNetwork() {
        ExperimentConfig c = SplitEditing.withOverride(SplitEditing.withOverride(demo(), leapOverride(0, "3.0")),
                leapOverride(2, "2.2"));
        ExperimentConfig r18 = SplitEditing.changeArch(c, Arch.RESNET18);
        // K is 3 on ResNet-18 (cuts 1.1, 2.0): module 0 stays; module 2's leap names 2.2, which ResNet-18 lacks.
        assertEquals(List.of(0), r18.local().modules().stream().map(ModuleOverride::module).toList());
    }

    @Test
    void aPaperPresetLoadsItsNetworkAndMovesBackpropToMlaan() {
        ExperimentConfig bp = ExperimentConfig.defaults();
        ExperimentConfig c = SplitEditing.loadPreset(bp, PaperPresets.get("resnet32-k16"));
        assertEquals("resnet32", c.network().arch());
        assertEquals("resnet32-k16", c.split().preset());
        assertEquals("DGL+MLAAN", c.method());

        ExperimentConfig dgl = SplitEditing.loadPreset(demo().withMethod("DGL"), PaperPresets.get("resnet110-k8"));
        assertEquals("DGL", dgl.method());
        assertEquals("resnet110", dgl.network().arch());
    }

    @Test
    void aPresetDropsTheOldSplitsModuleSettingsButKeepsTheRest() {
        LocalConfig local = new LocalConfig(null, null, null, null, null, null, null, 0.99, null, null, null, null,
                null, null, null, null, List.of(leapOverride(1, "3.0")));
        ExperimentConfig c = SplitEditing.loadPreset(demo().withLocal(local), PaperPresets.get("resnet32-k4"));
        assertNull(c.local().modules());
        assertEquals(0.99, c.local().momentum());
    }

    @Test
    void problemsAreSortedOntoTheModulesTheyName() {
        var byModule = ModuleProblems.byModule(List.of(
                "local.modules[module 3].leap: module 3 (2.0..2.1): leap block 1.4 is at or before the module",
                "local.window: a window of 3 modules needs at least 3 modules, the split has 2",
                "module 12 (3.0..3.0): no loss reaches it"));
        assertEquals(java.util.Set.of(3, 12), byModule.keySet());
        assertEquals(1, byModule.get(3).size());
    }

    @Test
    void neighbouringModulesNeverShareAColour() {
        for (int i = 0; i < 60; i++) {
            assertTrue(!ModuleColors.colorOf(i).equals(ModuleColors.colorOf(i + 1)));
        }
        assertEquals(ModuleColors.colorOf(0), ModuleColors.colorOf(ModuleColors.size()));
    }
}
