package org.mlaan.lab.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes safetensors files, the format PyTorch users exchange weights in
 * ({@code safetensors.torch.load_file}): an 8-byte little-endian header length N, N bytes of UTF-8
 * JSON giving every array's {@code dtype}, {@code shape} and {@code data_offsets} (begin and end,
 * in bytes, into the data after the header) and an optional {@code __metadata__} object of
 * strings, then the arrays' raw little-endian bytes.
 *
 * <p>DJL 0.35.1 reads and writes this format too ({@code NDList.Encoding.SAFETENSORS}), but it
 * neither writes nor returns {@code __metadata__}, does not pad the header, keeps offsets in
 * {@code int}s, and reads without checking offsets against shapes; hence this class.
 *
 * <p>Writing follows the format's specification (github.com/huggingface/safetensors, README
 * "Format"): arrays in the order given, data without gaps, the header padded with spaces to a
 * multiple of 8 bytes so that the data starts aligned; the file is written atomically. Reading
 * checks what the reference reader checks and fails with a {@link FileFormatException} naming the
 * file and the array: a header length inside the file, well-formed UTF-8 JSON without duplicate
 * names, a known dtype, offsets that hold exactly dtype size x elements bytes, and arrays that
 * cover the data exactly, with no overlap, hole or trailing bytes.
 */
public final class SafetensorsFile {
    /** The header's key for the file's string metadata. */
    public static final String METADATA = "__metadata__";
    /** Headers above this size are refused, as the reference reader refuses them. */
    static final long MAX_HEADER_BYTES = 100_000_000L;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Bytes per element of every dtype the format names (sub-byte float types are not read). */
    private static final Map<String, Integer> DTYPE_BYTES = Map.ofEntries(
            Map.entry("BOOL", 1), Map.entry("U8", 1), Map.entry("I8", 1), Map.entry("F8_E5M2", 1),
            Map.entry("F8_E4M3", 1), Map.entry("I16", 2), Map.entry("U16", 2), Map.entry("F16", 2),
            Map.entry("BF16", 2), Map.entry("I32", 4), Map.entry("U32", 4), Map.entry("F32", 4),
            Map.entry("F64", 8), Map.entry("I64", 8), Map.entry("U64", 8));

    private SafetensorsFile() {}

    /**
     * One array: its dtype as the format names it ({@code F32}, {@code I64}, ...), its shape and
     * its raw little-endian bytes. The byte array is shared, not copied.
     */
    public record Tensor(String dtype, long[] shape, byte[] data) {
        public Tensor {
            Integer size = DTYPE_BYTES.get(dtype);
            if (size == null) {
                throw new IllegalArgumentException("unknown safetensors dtype '" + dtype + "'");
            }
            long expected = Math.multiplyExact(elements(shape), size);
            if (data.length != expected) {
                throw new IllegalArgumentException("a " + dtype + " array of shape " + Arrays.toString(shape)
                        + " has " + expected + " bytes, got " + data.length);
            }
        }

        /** A float32 array of {@code shape} holding {@code values} in row-major order. */
        public static Tensor ofFloats(long[] shape, float[] values) {
            ByteBuffer b = ByteBuffer.allocate(Math.multiplyExact(values.length, Float.BYTES))
                    .order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(values);
            return new Tensor("F32", shape.clone(), b.array());
        }

        /** The values of a float32 array, row-major. */
        public float[] floats() {
            if (!dtype.equals("F32")) {
                throw new IllegalStateException("a " + dtype + " array has no float32 values");
            }
            float[] out = new float[data.length / Float.BYTES];
            ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            return out;
        }

        /** Number of elements (1 for a scalar, whose shape is empty). */
        public long elements() {
            return Tensor.elements(shape);
        }

        private static long elements(long[] shape) {
            long n = 1;
            for (long d : shape) {
                if (d < 0) {
                    throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
                }
                n = Math.multiplyExact(n, d);
            }
            return n;
        }
    }

    /**
     * What a file holds.
     *
     * @param tensors every array by name, in the header's order
     * @param metadata the {@code __metadata__} strings, empty when the file has none
     */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
        public Contents {
            tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
            metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }
    }

    /**
     * Writes {@code tensors} (in their map's order) and {@code metadata} to {@code file}
     * atomically: a reader sees the old file or the complete new one.
     */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata)
            throws IOException {
        byte[] header = header(tensors, metadata);
        AtomicFiles.write(file, out -> {
            OutputStream o = new BufferedOutputStream(out, 1 << 16);
            o.write(ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
            o.write(header);
            for (Tensor t : tensors.values()) {
                o.write(t.data());
            }
            o.flush();
        });
    }

    /** The JSON header, offsets in map order, padded with spaces to a multiple of 8 bytes. */
    static byte[] header(Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode m = root.putObject(METADATA);
            metadata.forEach(m::put);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (e.getKey().isEmpty() || e.getKey().equals(METADATA)) {
                throw new IllegalArgumentException("'" + e.getKey() + "' cannot name an array in a safetensors file");
            }
            Tensor t = e.getValue();
            ObjectNode entry = root.putObject(e.getKey());
            entry.put("dtype", t.dtype());
            ArrayNode shape = entry.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            ArrayNode offsets = entry.putArray("data_offsets");
            offsets.add(offset);
            offset += t.data().length;
            offsets.add(offset);
        }
        byte[] json = JSON.writeValueAsBytes(root);
        // The spec's recommended alignment: the data begins at a multiple of 8 bytes (8 + N).
        byte[] padded = Arrays.copyOf(json, (json.length + 7) / 8 * 8);
        Arrays.fill(padded, json.length, padded.length, (byte) ' ');
        return padded;
    }

    /** Reads and checks {@code file}. */
    public static Contents read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 16) {
            throw new FileFormatException(file, "is " + size + " bytes; the lab reads safetensors files up to 2 GiB");
        }
        return parse(file, Files.readAllBytes(file));
    }

    /**
     * Reads and checks the content {@code bytes} of a safetensors file; {@code file} names it in
     * messages.
     */
    public static Contents parse(Path file, byte[] bytes) throws FileFormatException {
        if (bytes.length < Long.BYTES) {
            throw new FileFormatException(file, "not a safetensors file: " + bytes.length
                    + " bytes, fewer than the 8 of the header length");
        }
        long n = ByteBuffer.wrap(bytes, 0, Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
        long after = bytes.length - Long.BYTES;
        if (n < 2 || n > after) {
            throw new FileFormatException(file, "not a safetensors file, or truncated: its first 8 bytes give a"
                    + " header of " + Long.toUnsignedString(n) + " bytes, and " + after + " bytes follow them");
        }
        if (n > MAX_HEADER_BYTES) {
            throw new FileFormatException(file, "its header of " + n + " bytes is larger than the format allows ("
                    + MAX_HEADER_BYTES + ")");
        }
        JsonNode root = headerJson(file, bytes, (int) n);
        int dataStart = Long.BYTES + (int) n;
        long dataLength = bytes.length - (long) dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals(METADATA)) {
                readMetadata(file, f.getValue(), metadata);
            } else {
                entries.add(entry(file, f.getKey(), f.getValue(), dataLength));
            }
        }
        checkCoverage(file, entries, dataLength);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Entry e : entries) {
            byte[] data = Arrays.copyOfRange(bytes, dataStart + (int) e.begin, dataStart + (int) e.end);
            tensors.put(e.name, new Tensor(e.dtype, e.shape, data));
        }
        return new Contents(tensors, metadata);
    }

    private static JsonNode headerJson(Path file, byte[] bytes, int n) throws FileFormatException {
        String text;
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, Long.BYTES, n));
            text = chars.toString();
        } catch (CharacterCodingException e) {
            throw new FileFormatException(file, "its header is not UTF-8 text (not a safetensors file?)", e);
        }
        if (!text.startsWith("{")) {
            throw new FileFormatException(file, "its header does not start with '{' (not a safetensors file?)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new FileFormatException(file, "its header is not well-formed JSON (" + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at character " + e.getLocation().getCharOffset()) + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new FileFormatException(file, "its header is not a JSON object");
        }
        return root;
    }

    private static void readMetadata(Path file, JsonNode node, Map<String, String> into) throws FileFormatException {
        if (!node.isObject()) {
            throw new FileFormatException(file, METADATA + " is not an object of strings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            if (!m.getValue().isTextual()) {
                throw new FileFormatException(file, METADATA + "." + m.getKey() + " is not a string (the format's"
                        + " metadata maps strings to strings)");
            }
            into.put(m.getKey(), m.getValue().textValue());
        }
    }

    /** An array's header entry, checked against its dtype, shape and the data's length. */
    private record Entry(String name, String dtype, long[] shape, long begin, long end) {}

    private static Entry entry(Path file, String name, JsonNode node, long dataLength) throws FileFormatException {
        String where = "array '" + name + "'";
        if (!node.isObject()) {
            throw new FileFormatException(file, where + ": its header entry is not an object");
        }
        JsonNode dtypeNode = node.get("dtype");
        if (dtypeNode == null || !dtypeNode.isTextual()) {
            throw new FileFormatException(file, where + ": no dtype");
        }
        String dtype = dtypeNode.textValue();
        Integer itemBytes = DTYPE_BYTES.get(dtype);
        if (itemBytes == null) {
            throw new FileFormatException(file, where + ": unknown dtype '" + dtype + "'");
        }
        long[] shape = longs(file, where, "shape", node.get("shape"), -1);
        long[] offsets = longs(file, where, "data_offsets", node.get("data_offsets"), 2);
        long begin = offsets[0];
        long end = offsets[1];
        if (end < begin) {
            throw new FileFormatException(file, where + ": data_offsets " + Arrays.toString(offsets)
                    + " end before they begin");
        }
        long expected;
        try {
            expected = Math.multiplyExact(Tensor.elements(shape), itemBytes);
        } catch (ArithmeticException e) {
            throw new FileFormatException(file, where + ": shape " + Arrays.toString(shape) + " is too large");
        }
        if (end - begin != expected) {
            throw new FileFormatException(file, where + ": data_offsets " + Arrays.toString(offsets) + " hold "
                    + (end - begin) + " bytes, but dtype " + dtype + " and shape " + Arrays.toString(shape)
                    + " need " + expected);
        }
        if (end > dataLength) {
            throw new FileFormatException(file, where + ": data_offsets " + Arrays.toString(offsets)
                    + " run past the end of the data (" + dataLength + " bytes); the file is truncated or damaged");
        }
        return new Entry(name, dtype, shape, begin, end);
    }

    /** A JSON array of non-negative integers ({@code length} of them, or any number when -1). */
    private static long[] longs(Path file, String where, String key, JsonNode node, int length)
            throws FileFormatException {
        if (node == null || !node.isArray() || (length >= 0 && node.size() != length)) {
            throw new FileFormatException(file, where + ": " + key + " is missing or not "
                    + (length >= 0 ? "a list of " + length + " integers" : "a list of integers"));
        }
        long[] out = new long[node.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = node.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
                throw new FileFormatException(file, where + ": " + key + " holds " + v
                        + ", not a non-negative integer");
            }
            out[i] = v.longValue();
        }
        return out;
    }

    /** The arrays must tile the data: from byte 0, each beginning where the one before ended, to its end. */
    private static void checkCoverage(Path file, List<Entry> entries, long dataLength) throws FileFormatException {
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expected = 0;
        Entry previous = null;
        for (Entry e : byOffset) {
            if (e.begin != expected) {
                throw new FileFormatException(file, "array '" + e.name + "' begins at byte " + e.begin + " of the data, "
                        + (e.begin < expected ? "inside '" + previous.name + "' (arrays overlap)"
                                : "leaving bytes " + expected + ".." + (e.begin - 1) + " to no array"));
            }
            expected = e.end;
            previous = e;
        }
        if (expected != dataLength) {
            throw new FileFormatException(file, "its arrays hold " + expected + " bytes of data, but "
                    + dataLength + " follow the header (extra bytes at the end)");
        }
    }
}
