package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpProfileTest {

    /** A span's self time is its duration less its direct children's; nested spans count once each. */
    @Test
    void selfTimeSubtractsDirectChildrenPerThread(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("trace.json");
        // thread 1: conv2d [0,100) holds convolution [10,90) which holds mkldnn [20,80);
        // add_ [100,105) after it. Thread 2: add_ [0,50) alone (its own thread, no parent).
        Files.writeString(trace, """
                [
                {"name": "aten::mkldnn_convolution", "ph": "X", "ts": 20.0, "dur": 60.0, "tid": 1},
                {"name": "aten::conv2d", "ph": "X", "ts": 0.0, "dur": 100.0, "tid": 1},
                {"name": "aten::convolution", "ph": "X", "ts": 10.0, "dur": 80.0, "tid": 1},
                {"name": "aten::add_", "ph": "X", "ts": 100.0, "dur": 5.0, "tid": 1},
                {"name": "aten::add_", "ph": "X", "ts": 0.0, "dur": 50.0, "tid": 2},
                {"name": "a counter", "ph": "C", "ts": 0.0, "tid": 1}
                ]
                """);
        Map<String, OpProfile.Op> ops = OpProfile.read(trace).stream()
                .collect(Collectors.toMap(OpProfile.Op::name, Function.identity()));
        assertEquals(4, ops.size(), ops.toString());
        assertEquals(0.060, ops.get("aten::mkldnn_convolution").selfMillis(), 1e-9);
        assertEquals(0.020, ops.get("aten::convolution").selfMillis(), 1e-9);
        assertEquals(0.080, ops.get("aten::convolution").totalMillis(), 1e-9);
        assertEquals(0.020, ops.get("aten::conv2d").selfMillis(), 1e-9);
        assertEquals(2, ops.get("aten::add_").calls());
        assertEquals(0.055, ops.get("aten::add_").selfMillis(), 1e-9);
        assertEquals("aten::mkldnn_convolution", OpProfile.read(trace).get(0).name(), "most self time first");
    }

    /** libtorch's own trace of a few ops reads back with those ops, each counted. */
    @Test
    void recordsTheOpsLibtorchRan(@TempDir Path dir) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.ones(new Shape(4, 8));
            OpProfile.Recorded<NDArray> r = OpProfile.record(dir.resolve("t.json"), () -> x.matMul(x.transpose())
                    .exp().exp());
            assertEquals(4, r.result().getShape().get(0));
            List<String> names = r.ops().stream().map(OpProfile.Op::name).toList();
            assertTrue(names.contains("aten::exp"), names.toString());
            assertEquals(2, r.ops().stream().filter(o -> o.name().equals("aten::exp")).findFirst().orElseThrow()
                    .calls(), names.toString());
        }
    }
}
