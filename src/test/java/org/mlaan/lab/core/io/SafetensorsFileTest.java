package org.mlaan.lab.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.core.io.SafetensorsFile.Contents;
import org.mlaan.lab.core.io.SafetensorsFile.Tensor;

class SafetensorsFileTest {
    @TempDir
    Path dir;

    private static Map<String, Tensor> twoArrays() {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("conv1.weight", Tensor.ofFloats(new long[] {2, 1, 1, 3}, new float[] {1, -2, 3.5f, 0, -0.0f, 1e-30f}));
        t.put("fc.bias", Tensor.ofFloats(new long[] {3}, new float[] {Float.MIN_VALUE, 7, Float.NaN}));
        return t;
    }

    /** The bytes of a file laid out by hand: length, header text as given, data. */
    private static byte[] handMade(String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = h.length;
        for (int i = 0; i < 8; i++) {
            out.write((int) (n >>> (8 * i)) & 0xff);
        }
        out.writeBytes(h);
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static void littleEndianFloat(ByteArrayOutputStream out, float v) {
        int bits = Float.floatToRawIntBits(v);
        for (int i = 0; i < 4; i++) {
            out.write((bits >>> (8 * i)) & 0xff);
        }
    }

    @Test
    void writtenFileReadsBackBitForBitWithItsMetadataAndAnAlignedPaddedHeader() throws Exception {
        Path f = dir.resolve("net.safetensors");
        SafetensorsFile.write(f, twoArrays(), Map.of("arch", "resnet32", "classes", "10"));

        byte[] bytes = Files.readAllBytes(f);
        long n = 0;
        for (int i = 7; i >= 0; i--) {
            n = (n << 8) | (bytes[i] & 0xff);
        }
        assertEquals(0, n % 8, "the header is padded to a multiple of 8, so the data starts aligned");
        assertEquals(8 + n + 6 * 4 + 3 * 4, bytes.length, "header, then exactly the arrays' bytes");
        String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
        assertTrue(header.startsWith("{\"__metadata__\":{") && header.contains("\"data_offsets\":[24,36]"), header);

        Contents c = SafetensorsFile.read(f);
        assertEquals(List.of("conv1.weight", "fc.bias"), List.copyOf(c.tensors().keySet()));
        assertEquals(Map.of("arch", "resnet32", "classes", "10"), c.metadata());
        for (Map.Entry<String, Tensor> e : twoArrays().entrySet()) {
            Tensor read = c.tensors().get(e.getKey());
            assertEquals("F32", read.dtype());
            assertArrayEquals(e.getValue().shape(), read.shape());
            assertArrayEquals(e.getValue().data(), read.data(), e.getKey() + " bit for bit (-0.0, NaN, subnormal)");
        }
    }

    // Written here byte by byte, independent of the writer, so that writer and reader cannot share a bug.
    @Test
    void handMadeFileIsReadAsTheFormatLaysItOut() throws Exception {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        littleEndianFloat(data, 0.25f); // "b" first in the data, though second in the header
        littleEndianFloat(data, -3f);
        data.writeBytes(new byte[] {5, 0, 0, 0, 0, 0, 0, 0}); // I64 scalar 5, like num_batches_tracked
        littleEndianFloat(data, 1f);
        littleEndianFloat(data, 2f);
        littleEndianFloat(data, 3f);
        littleEndianFloat(data, 4f);
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[16,32]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"n\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[8,16]},"
                + "\"__metadata__\":{\"format\":\"pt\"}}";
        Path f = dir.resolve("hand.safetensors");
        Files.write(f, handMade(header, data.toByteArray()));

        Contents c = SafetensorsFile.read(f);
        assertArrayEquals(new float[] {1, 2, 3, 4}, c.tensors().get("a").floats());
        assertArrayEquals(new long[] {2, 2}, c.tensors().get("a").shape());
        assertArrayEquals(new float[] {0.25f, -3f}, c.tensors().get("b").floats());
        assertEquals("I64", c.tensors().get("n").dtype());
        assertEquals(1, c.tensors().get("n").elements(), "an empty shape is a scalar");
        assertEquals(Map.of("format", "pt"), c.metadata());
    }

    private FileFormatException refused(String name, byte[] bytes) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        FileFormatException e = assertThrows(FileFormatException.class, () -> SafetensorsFile.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        return e;
    }

    @Test
    void truncatedFileIsRefusedNamingTheArrayThatRunsPastTheEnd() throws Exception {
        Path f = dir.resolve("whole.safetensors");
        SafetensorsFile.write(f, twoArrays(), Map.of());
        byte[] whole = Files.readAllBytes(f);

        FileFormatException e = refused("cut.safetensors", Arrays.copyOf(whole, whole.length - 5));
        assertTrue(e.getMessage().contains("'fc.bias'") && e.getMessage().contains("truncated"), e.getMessage());
        FileFormatException header = refused("cut-header.safetensors", Arrays.copyOf(whole, 20));
        assertTrue(header.getMessage().contains("header of") && header.getMessage().contains("12 bytes follow"),
                header.getMessage());
        assertTrue(refused("tiny.safetensors", new byte[3]).getMessage().contains("3 bytes"));
    }

    @Test
    void headerThatIsNotWellFormedJsonIsRefused() throws Exception {
        FileFormatException e = refused("bad.safetensors", handMade("{\"a\": {\"dtype\": \"F32\",", new byte[0]));
        assertTrue(e.getMessage().contains("not well-formed JSON"), e.getMessage());
        FileFormatException twice = refused("twice.safetensors", handMade(
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]},"
                        + "\"a\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]}}", new byte[4]));
        assertTrue(twice.getMessage().contains("Duplicate field 'a'"), twice.getMessage());
    }

    @Test
    void offsetsThatDoNotHoldTheShapeAreRefusedNamingTheArray() throws Exception {
        FileFormatException e = refused("short.safetensors", handMade(
                "{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8]));
        assertTrue(e.getMessage().contains("array 'w'") && e.getMessage().contains("hold 8 bytes")
                && e.getMessage().contains("need 12"), e.getMessage());
        FileFormatException dtype = refused("dtype.safetensors", handMade(
                "{\"w\":{\"dtype\":\"F33\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4]));
        assertTrue(dtype.getMessage().contains("array 'w': unknown dtype 'F33'"), dtype.getMessage());
    }

    @Test
    void arraysMustCoverTheDataWithoutOverlapHoleOrTrailingBytes() throws Exception {
        String two = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[%d,%d]}}";
        FileFormatException overlap = refused("overlap.safetensors", handMade(two.formatted(2, 6), new byte[8]));
        assertTrue(overlap.getMessage().contains("'b'") && overlap.getMessage().contains("overlap"),
                overlap.getMessage());
        FileFormatException hole = refused("hole.safetensors", handMade(two.formatted(8, 12), new byte[12]));
        assertTrue(hole.getMessage().contains("bytes 4..7 to no array"), hole.getMessage());
        FileFormatException trailing = refused("trailing.safetensors", handMade(two.formatted(4, 8), new byte[10]));
        assertTrue(trailing.getMessage().contains("extra bytes"), trailing.getMessage());
    }
}
