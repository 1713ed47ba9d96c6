package org.mlaan.lab.core.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.SplitConfig;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;

/** The split editor's proposal: the lowest estimated peak for the same module count, as an exhaustive search finds it. */
class LeanestSplitTest {
    private static final NetworkPlan RESNET20 = NetworkPlan.of(Arch.RESNET20);

    private static ExperimentConfig config(String method) {
        return ConfigFiles.mapperRead("{\"network\": {\"arch\": \"resnet20\"}, \"method\": \"" + method + "\"}");
    }

    private static long peak(ExperimentConfig c, List<String> cuts) {
        try {
            return ActivationEstimate.of(LocalPlanner.resolve(c.withSplit(SplitConfig.cuts(cuts)), RESNET20), 8)
                    .localBytes();
        } catch (ConfigException e) {
            return Long.MAX_VALUE;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"DGL", "DGL+MLM", "DGL+LAM", "DGL+MLAAN", "InfoPro"})
    void threeModulesReachTheExhaustiveOptimumFromCutsBunchedAtTheStart(String method) {
        ExperimentConfig c = config(method);
        List<String> drawn = List.of(name(0), name(1));
        long best = Long.MAX_VALUE;
        for (int a = 0; a <= RESNET20.size() - 3; a++) {
            for (int b = a + 1; b <= RESNET20.size() - 3; b++) {
                best = Math.min(best, peak(c, List.of(name(a), name(b))));
            }
        }
        Optional<LeanestSplit.Proposal> p = LeanestSplit.propose(c, RESNET20, drawn, 8);
        assertTrue(p.isPresent(), "cuts after the stem and the first block leave almost all in one module");
        assertEquals(2, p.get().cuts().size(), "the same number of modules");
        assertEquals(best, p.get().estimate().localBytes(), method + ": the proposal's peak is the lowest of all splits");
        assertEquals(best, peak(c, p.get().cuts()), "the estimate is the proposed cuts'");
        assertTrue(best < peak(c, drawn));
    }

    /** The walk that larger networks get, alone, against every split of the small ones. */
    @ParameterizedTest
    @ValueSource(strings = {"DGL", "DGL+MLM", "DGL+LAM", "DGL+MLAAN"})
    void theWalkAloneReachesTheExhaustiveOptimumOnTheSmallResNets(String method) {
        int compared = 0;
        for (Arch arch : new Arch[] {Arch.RESNET20, Arch.RESNET32, Arch.RESNET44}) {
            NetworkPlan plan = NetworkPlan.of(arch);
            ExperimentConfig c = ConfigFiles.mapperRead("{\"network\": {\"arch\": \"" + arch.name().toLowerCase()
                    + "\"}, \"method\": \"" + method + "\"}");
            for (int k = 3; k <= 6; k++) {
                List<String> bunched = new java.util.ArrayList<>();
                for (int u = 0; u < k - 1; u++) {
                    bunched.add(plan.unit(u).name());
                }
                Optional<LeanestSplit.Proposal> every = LeanestSplit.propose(c, plan, bunched, 8, Long.MAX_VALUE);
                Optional<LeanestSplit.Proposal> walked = LeanestSplit.propose(c, plan, bunched, 8, 0);
                assertEquals(every.map(p -> p.estimate().localBytes()), walked.map(p -> p.estimate().localBytes()),
                        method + " " + arch + " K=" + k);
                compared += every.isPresent() ? 1 : 0;
            }
        }
        assertTrue(compared >= 9, "most splits bunched at the start resolve and can be bettered: " + compared);
    }

    @Test
    void theBestSplitItselfGetsNoProposal() {
        ExperimentConfig c = config("DGL");
        List<String> found = LeanestSplit.propose(c, RESNET20, List.of(name(0), name(1)), 8).orElseThrow().cuts();
        assertEquals(Optional.empty(), LeanestSplit.propose(c, RESNET20, found, 8));
    }

    @Test
    void backpropAndCutsThatDoNotResolveGetNone() {
        assertEquals(Optional.empty(), LeanestSplit.propose(config("DGL"), RESNET20, List.of(), 8));
        assertEquals(Optional.empty(), LeanestSplit.propose(config("DGL"), RESNET20, List.of("no-such-unit"), 8));
        assertEquals(Optional.empty(), LeanestSplit.propose(config("DGL"), RESNET20, List.of(name(3), name(2)), 8));
    }

    private static String name(int unit) {
        return RESNET20.unit(unit).name();
    }
}
