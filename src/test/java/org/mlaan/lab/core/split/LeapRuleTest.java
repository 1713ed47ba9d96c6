package org.mlaan.lab.core.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;

class LeapRuleTest {
    private static final NetworkPlan R32 = NetworkPlan.of(Arch.RESNET32);

    @Test
    void ruleReproducesTheResnet32K8RowsThatFollowThePattern() throws SplitException {
        SplitPreset p = PaperPresets.get("resnet32-k8");
        List<List<String>> rule = LeapRule.defaults(R32, p.split().resolve(R32));
        // A2..A6 and the empty last row follow the pattern exactly; A0/A1 pick 3.2 where the rule picks 3.3.
        assertEquals(p.leaps().subList(2, 8), rule.subList(2, 8));
        assertEquals(List.of("2.0", "3.0", "3.3", "3.4"), rule.get(0));
    }

    @Test
    void depthShrinksToThreeTwoOneNearTheEnd() throws SplitException {
        List<List<String>> rule = LeapRule.defaults(R32, PaperPresets.get("resnet32-k16").split().resolve(R32));
        assertEquals(List.of("3.2", "3.3", "3.4"), rule.get(12)); // module 3.1, as table row A11
        assertEquals(List.of("3.3", "3.4"), rule.get(13)); // module 3.2, as A12
        assertEquals(List.of("3.4"), rule.get(14)); // module 3.3, as A13
        assertEquals(List.of(), rule.get(15));
    }

    @Test
    void everyDefaultListChainsOnEveryArchitecture() throws SplitException {
        for (Arch arch : List.of(Arch.RESNET20, Arch.RESNET110, Arch.RESNET18, Arch.RESNET50)) {
            NetworkPlan plan = NetworkPlan.of(arch);
            List<ModuleSpan> modules = Split.after("stem", plan.unit(3).name()).resolve(plan);
            List<List<String>> rule = LeapRule.defaults(plan, modules);
            for (int i = 0; i < modules.size() - 1; i++) {
                assertEquals(List.of(), LeapRule.problems(plan, modules.get(i), rule.get(i), false), arch + " " + i);
            }
        }
        // A stem-alone module of a bottleneck net must start with 1.0, which widens 64 -> 256.
        NetworkPlan r50 = NetworkPlan.of(Arch.RESNET50);
        assertEquals("1.0", LeapRule.defaults(r50, Split.after("stem").resolve(r50)).get(0).get(0));
    }

    @Test
    void everyPaperTableChainsUnderTheValidation() throws SplitException {
        for (SplitPreset p : PaperPresets.all()) {
            NetworkPlan plan = NetworkPlan.of(p.arch());
            List<ModuleSpan> modules = p.split().resolve(plan);
            for (int i = 0; p.hasLeapTable() && i < modules.size() - 1; i++) {
                assertEquals(List.of(), LeapRule.problems(plan, modules.get(i), p.leaps().get(i),
                        p.reusesEarlierBlocks()), p.id() + " module " + i);
            }
        }
    }

    @Test
    void listsThatCannotRunSayWhichModuleAndWhy() throws SplitException {
        List<ModuleSpan> m = PaperPresets.get("resnet32-k8").split().resolve(R32);
        List<String> before = LeapRule.problems(R32, m.get(3), List.of("1.4", "3.0", "3.4"), false);
        assertTrue(before.get(0).startsWith("module 3 (2.0..2.1): leap block 1.4 is at or before"), before.toString());
        List<String> gap = LeapRule.problems(R32, m.get(0), List.of("3.0", "3.4"), false);
        assertTrue(gap.get(0).contains("takes 32x16x16 but the module's output is 16x32x32"), gap.toString());
        List<String> unknown = LeapRule.problems(R32, m.get(0), List.of("5.0"), false);
        assertTrue(unknown.get(0).contains("'5.0'"), unknown.toString());
        assertTrue(LeapRule.problems(R32, m.get(0), List.of(), false).get(0).contains("empty"));
    }
}
