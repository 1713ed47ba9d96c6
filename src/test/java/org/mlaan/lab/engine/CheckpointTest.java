package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.engine.net.Backbone;

class CheckpointTest {
    private static final NetworkPlan PLAN = NetworkPlan.of(Arch.RESNET20, 16, 4);

    @TempDir
    Path tmp;

    @Test
    void writtenCheckpointReplacesTheLastOneWhole() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone a = Backbone.create(PLAN, m, 1);
            Backbone b = Backbone.create(PLAN, m, 2);
            try (NesterovSgd sgd = new NesterovSgd(a.trainableParameters(), 0.9, true, 0, m)) {
                Checkpoint.write(tmp, a, sgd, state(1));
                Checkpoint.write(tmp, b, sgd, state(2));
            }
            assertEquals(2, Checkpoint.readState(tmp.resolve("last")).epoch());
            try (var list = Files.list(tmp)) {
                assertEquals(1, list.count(), "only last/ remains, no temporary or replaced folder");
            }
            Backbone c = Backbone.create(PLAN, m, 3);
            Checkpoint.loadParameters(tmp.resolve("last").resolve(Checkpoint.PARAMETERS), c, m);
            assertArrayEquals(b.unit(0).getParameters().valueAt(0).getArray().toFloatArray(),
                    c.unit(0).getParameters().valueAt(0).getArray().toFloatArray());
        }
    }

    @Test
    void aCheckpointSetAsideByAnInterruptedWriteIsFound() throws IOException {
        Path aside = Files.createDirectories(tmp.resolve(".replaced-000001700000000"));
        Files.writeString(aside.resolve(Checkpoint.STATE), "{}");
        Path unfinished = Files.createDirectories(tmp.resolve(".writing-123"));
        Files.writeString(unfinished.resolve(Checkpoint.PARAMETERS), "half");
        assertEquals(Optional.of(aside), Checkpoint.find(tmp));
        Checkpoint.cleanTemporaries(tmp);
        assertFalse(Files.exists(unfinished));
        assertTrue(Files.exists(aside));
    }

    @Test
    void noCheckpointIsEmpty() throws IOException {
        assertEquals(Optional.empty(), Checkpoint.find(tmp));
    }

    @Test
    void parametersOfAnotherNetworkAreRefused() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone small = Backbone.create(PLAN, m, 1);
            try (NesterovSgd sgd = new NesterovSgd(small.trainableParameters(), 0.9, true, 0, m)) {
                Checkpoint.write(tmp, small, sgd, state(1));
            }
            Backbone other = Backbone.create(NetworkPlan.of(Arch.RESNET32, 16, 4), m, 1);
            IOException e = assertThrows(IOException.class, () -> Checkpoint.loadParameters(
                    tmp.resolve("last").resolve(Checkpoint.PARAMETERS), other, m));
            assertTrue(e.getMessage().contains("resnet32"), e.getMessage());
        }
    }

    private static CheckpointState state(int epoch) {
        return new CheckpointState(epoch, 0, epoch * 10L, 5, 0.1, null, null, null, 0, 0, 0, 0, 7, "resnet20", null);
    }
}
