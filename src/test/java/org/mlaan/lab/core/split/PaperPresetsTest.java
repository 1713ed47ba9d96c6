package org.mlaan.lab.core.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.plan.NetworkPlan;

/** The presets reproduce ALGORITHMS.md Part B §2 and §5 as Part A.1 maps them. */
class PaperPresetsTest {

    private static List<ModuleSpan> modules(String id) throws SplitException {
        SplitPreset p = PaperPresets.get(id);
        return p.split().resolve(NetworkPlan.of(p.arch()));
    }

    private static String spans(List<ModuleSpan> m) {
        return String.join(" ", m.stream().map(s -> s.firstName() + "-" + s.lastName()).toList());
    }

    @Test
    void resnet32K8HasTheEightModulesOfConfig2() throws SplitException {
        assertEquals("stem-1.0 1.1-1.2 1.3-1.4 2.0-2.1 2.2-2.3 2.4-3.0 3.1-3.2 3.3-head",
                spans(modules("resnet32-k8")));
        SplitPreset p = PaperPresets.get("resnet32-k8");
        assertEquals(List.of("2.0", "3.0", "3.2", "3.4"), p.leaps().get(1));
        assertEquals(List.of("2.0", "3.0", "3.3", "3.4"), p.leaps().get(2));
        assertEquals(List.of("3.0", "3.2", "3.3", "3.4"), p.leaps().get(4));
        assertEquals(List.of("3.2", "3.3", "3.4"), p.leaps().get(5));
        assertEquals(List.of("3.3", "3.4"), p.leaps().get(6));
        assertEquals(List.of(), p.leaps().get(7));
    }

    @Test
    void resnet32K16IsTheStemAloneThenOneModulePerBlock() throws SplitException {
        List<ModuleSpan> m = modules("resnet32-k16");
        assertEquals(16, m.size());
        assertEquals("stem-stem", m.get(0).firstName() + "-" + m.get(0).lastName());
        assertEquals("1.0", m.get(1).firstName());
        assertEquals("3.4-head", m.get(15).firstName() + "-" + m.get(15).lastName());
        SplitPreset p = PaperPresets.get("resnet32-k16");
        // Module j+1 takes code row A_j; the stem module reuses A_0.
        assertEquals(List.of("2.0", "3.0", "3.2", "3.4"), p.leaps().get(0));
        assertEquals(List.of("2.0", "3.0", "3.3", "3.4"), p.leaps().get(3)); // A2, block 1.2
        assertEquals(List.of("2.0", "3.0", "3.2", "3.4"), p.leaps().get(4)); // A3, block 1.3
        assertEquals(List.of("3.0", "3.2", "3.3", "3.4"), p.leaps().get(6)); // A5, block 2.0
        assertEquals(List.of("3.1", "3.2", "3.4"), p.leaps().get(11)); // A10, block 3.0
        assertEquals(List.of("3.4"), p.leaps().get(14)); // A13, block 3.3
    }

    @Test
    void resnet110TablesKeepTheirModuleCountsAndRows() throws SplitException {
        List<ModuleSpan> k32 = modules("resnet110-k32");
        assertEquals(32, k32.size());
        assertEquals("stem-1.1 1.2-1.2 1.3-1.4", spans(k32.subList(0, 3)));
        assertEquals("3.0-3.1", spans(k32.subList(22, 23)));
        assertEquals("3.16-head", spans(k32.subList(31, 32)));
        SplitPreset p32 = PaperPresets.get("resnet110-k32");
        assertEquals(List.of("3.0", "3.3", "3.4", "3.17"), p32.leaps().get(21));
        assertEquals(List.of("3.8", "3.17"), p32.leaps().get(22));
        assertEquals(List.of("3.17"), p32.leaps().get(30));

        List<ModuleSpan> k55 = modules("resnet110-k55");
        assertEquals(55, k55.size());
        SplitPreset p55 = PaperPresets.get("resnet110-k55");
        assertEquals(List.of("2.0", "3.0", "3.2", "3.17"), p55.leaps().get(18)); // A17, block 1.17
        assertEquals(List.of("3.0", "3.2", "3.3", "3.17"), p55.leaps().get(19)); // A18, block 2.0
        assertEquals(List.of("3.0", "3.3", "3.4", "3.17"), p55.leaps().get(36)); // A35, block 2.17
        assertEquals(List.of("3.8", "3.17"), p55.leaps().get(37)); // A36, block 3.0
        assertEquals(List.of("3.16", "3.17"), p55.leaps().get(52)); // A51, block 3.15
        assertEquals(List.of("3.17"), p55.leaps().get(53)); // A52, block 3.16
        assertEquals("3.17", k55.get(54).firstName());

        assertEquals("stem-1.4 1.5-1.11 1.12-2.0", spans(modules("resnet110-k8").subList(0, 3)));
        assertEquals(16, modules("resnet110-k16").size());
    }

    @Test
    void smallResnet32SplitsEndWhereTheTableSays() throws SplitException {
        assertEquals("stem-2.1 2.2-head", spans(modules("resnet32-k2")));
        assertEquals("stem-1.4 2.0-2.4 3.0-head", spans(modules("resnet32-k3")));
        assertEquals("stem-1.2 1.3-2.1 2.2-3.0 3.1-head", spans(modules("resnet32-k4")));
    }

    @Test
    void imagenetTablesHaveOneModulePerBlockAndFlagTheirReuse() throws SplitException {
        List<ModuleSpan> r34 = modules("resnet34-k16");
        assertEquals(16, r34.size());
        assertEquals("stem-1.0", spans(r34.subList(0, 1)));
        SplitPreset p34 = PaperPresets.get("resnet34-k16");
        assertTrue(p34.reusesEarlierBlocks());
        assertEquals(List.of("2.1", "3.0", "4.0", "4.2"), p34.leaps().get(4)); // E4 is block 2.1 itself
        assertEquals(List.of("4.1", "4.1", "4.2"), p34.leaps().get(13));
        assertEquals(33, modules("resnet101-k33").size());
        assertEquals(List.of("4.1", "4.2"), PaperPresets.get("resnet101-k33").leaps().get(31));
        assertEquals("stem-2.5 2.6-head", spans(modules("resnet152-k2")));
    }

    @Test
    void cutsThatCannotBeMadeAreNamed() {
        NetworkPlan plan = NetworkPlan.of(org.mlaan.lab.core.plan.Arch.RESNET20);
        SplitException e = assertThrows(SplitException.class,
                () -> Split.after("1.0", "9.9", "3.2", "1.0").resolve(plan));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("cut after '9.9'"), e.getMessage());
        assertTrue(e.problems().get(1).contains("last block 3.2"), e.getMessage());
        assertTrue(e.problems().get(2).contains("listed twice"), e.getMessage());
    }
}
