package org.mlaan.lab.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.config.DatasetConfig;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.plan.TensorShape;

/** The window draws the network for the input its data set will give, before reading any data. */
class DataShapeTest {

    private static org.mlaan.lab.core.plan.NetworkPlan planOf(ExperimentConfig c) {
        return Experiment.check(c).network();
    }

    @Test
    void idxFilesGiveOneGreyChannelPaddedTo32OrKeptAt28() {
        ExperimentConfig c = ExperimentConfig.defaults();
        assertEquals(new TensorShape(3, 32, 32), planOf(c).input());
        assertEquals(new TensorShape(1, 32, 32), planOf(c.withDataset(
                new DatasetConfig("idx", "/x", null, null, null, null, null))).input());
        assertEquals(new TensorShape(1, 28, 28), planOf(c.withDataset(
                new DatasetConfig("idx", "/x", null, null, null, null, null, null, false))).input());
    }
}
