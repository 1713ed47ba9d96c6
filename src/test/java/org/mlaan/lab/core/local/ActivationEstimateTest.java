package org.mlaan.lab.core.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;

/** The activation estimate module by module: where local learning saves against BP and where it does not. */
class ActivationEstimateTest {

    private static LocalPlan plan(String method, String split) throws ConfigException {
        return LocalPlanner.resolve(ConfigFiles.mapperRead("{\"network\": {\"arch\": \"resnet32\"}, \"method\": \""
                + method + "\"" + split + "}"), NetworkPlan.of(Arch.RESNET32));
    }

    @Test
    void thePeakIsTheLargestModuleAndEveryModuleIsBelowBackprop() throws ConfigException {
        ActivationEstimate e = ActivationEstimate.of(plan("DGL+MLAAN", ", \"split\": {\"preset\": \"resnet32-k16\"}"),
                128);
        assertEquals(16, e.moduleBytes().length);
        assertEquals(Arrays.stream(e.moduleBytes()).max().orElseThrow(), e.localBytes());
        assertEquals(e.localBytes(), e.moduleBytes(e.peakModule()));
        assertTrue(Arrays.stream(e.moduleBytes()).allMatch(b -> b > 0 && b < e.backpropBytes()));
    }

    @Test
    void dglWithoutWindowsKeepsOnlyEachModulesOwnUnits() throws ConfigException {
        NetworkPlan net = NetworkPlan.of(Arch.RESNET32);
        LocalPlan dgl = plan("DGL", ", \"split\": {\"cutsAfter\": [\"2.0\"]}");
        ActivationEstimate e = ActivationEstimate.of(dgl, 2);
        long first = 0;
        for (int u = dgl.modules().get(0).span().first(); u <= dgl.modules().get(0).span().last(); u++) {
            first += net.unit(u).activationBytes();
        }
        assertEquals(2 * first, e.moduleBytes(0), "module 0: its own units, for 2 images");
        assertEquals(e.backpropBytes(), e.moduleBytes(0) + e.moduleBytes(1), "two modules split BP's layers");
        assertArrayEquals(new long[] {e.backpropBytes()}, ActivationEstimate.of(plan("BP", ""), 2).moduleBytes());
    }
}
