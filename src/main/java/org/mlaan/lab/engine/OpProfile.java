package org.mlaan.lab.engine;

import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The libtorch operators a piece of work ran, by time: libtorch's profiler (the one DJL exposes,
 * {@code JniUtils.startProfile}) records every op as a span in a Chrome trace; the spans nest
 * (aten::conv2d holds aten::convolution ...), so each op's self time is its span less its direct
 * children's.
 */
public final class OpProfile {

    /**
     * One operator's share.
     *
     * @param name the op, e.g. {@code aten::convolution_backward}
     * @param calls how many times it ran
     * @param selfMillis time in the op itself, its children excluded
     * @param totalMillis time in the op and what it called
     */
    public record Op(String name, int calls, double selfMillis, double totalMillis) {}

    private OpProfile() {}

    /** Runs {@code work} under the profiler, writing the trace to {@code trace}; returns its ops. */
    static <T> Recorded<T> record(Path trace, Supplier<T> work) {
        JniUtils.startProfile(false, false, false);
        T result;
        try {
            result = work.get();
        } finally {
            JniUtils.stopProfile(trace.toString());
        }
        return new Recorded<>(result, read(trace));
    }

    /** What {@link #record} returns: the work's result and its ops, most self time first. */
    record Recorded<T>(T result, List<Op> ops) {}

    /** The ops of a Chrome trace libtorch wrote, most self time first. */
    static List<Op> read(Path trace) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(trace));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the profiler's trace " + trace, e);
        }
        JsonNode events = root.isArray() ? root : root.path("traceEvents");
        Map<String, List<Span>> byThread = new HashMap<>();
        for (JsonNode e : events) {
            if (!"X".equals(e.path("ph").asText()) || !e.has("dur")) {
                continue;
            }
            Span s = new Span(e.path("name").asText(), e.path("ts").asDouble(), e.path("dur").asDouble());
            byThread.computeIfAbsent(e.path("tid").asText(), t -> new ArrayList<>()).add(s);
        }
        Map<String, double[]> totals = new LinkedHashMap<>();
        for (List<Span> spans : byThread.values()) {
            // Outer spans first: by start, the longer first when two start together.
            spans.sort(Comparator.comparingDouble(Span::start).thenComparing(Comparator.comparingDouble(Span::duration)
                    .reversed()));
            Deque<Span> open = new ArrayDeque<>();
            for (Span s : spans) {
                while (!open.isEmpty() && open.peek().end() <= s.start()) {
                    open.pop();
                }
                if (!open.isEmpty()) {
                    open.peek().children += s.duration();
                }
                open.push(s);
            }
            for (Span s : spans) {
                double[] t = totals.computeIfAbsent(s.name(), n -> new double[3]);
                t[0]++;
                t[1] += Math.max(0, s.duration() - s.children);
                t[2] += s.duration();
            }
        }
        List<Op> ops = new ArrayList<>();
        totals.forEach((name, t) -> ops.add(new Op(name, (int) t[0], t[1] / 1000, t[2] / 1000)));
        ops.sort(Comparator.comparingDouble(Op::selfMillis).reversed());
        return ops;
    }

    /** A span of the trace, in microseconds. */
    private static final class Span {
        private final String name;
        private final double start;
        private final double duration;
        double children;

        Span(String name, double start, double duration) {
            this.name = name;
            this.start = start;
            this.duration = duration;
        }

        String name() {
            return name;
        }

        double start() {
            return start;
        }

        double duration() {
            return duration;
        }

        double end() {
            return start + duration;
        }
    }
}
