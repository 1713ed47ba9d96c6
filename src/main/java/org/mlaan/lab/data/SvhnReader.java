package org.mlaan.lab.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5Reader;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Source;
import us.hebi.matlab.mat.types.Sources;

/**
 * Reads SVHN cropped digits: {@code train_32x32.mat} and {@code test_32x32.mat}, MATLAB v5 files
 * holding {@code X}, a 32x32x3xN uint8 array (row, column, channel, image; column-major like every
 * MATLAB array), and {@code y}, N labels 1..10 where 10 stands for the digit 0. Labels become the
 * digit itself, so class {@code k} is named {@code "k"}. Every element's byte count is checked
 * against the file before it is parsed ({@link MatElementSizeCheck}) and only X and y are parsed, so
 * a damaged file is refused, naming it, without allocating the sizes it claims.
 */
public final class SvhnReader extends TwoPartReader {
    static final int SIDE = 32;
    private static final int HEADER_BYTES = 128;
    private static final Set<MatlabType> NUMERIC = EnumSet.of(MatlabType.Double, MatlabType.Single,
            MatlabType.Int8, MatlabType.UInt8, MatlabType.Int16, MatlabType.UInt16, MatlabType.Int32,
            MatlabType.UInt32, MatlabType.Int64, MatlabType.UInt64);
    /** Class k is the digit k. */
    public static final List<String> CLASS_NAMES = List.of("0", "1", "2", "3", "4", "5", "6", "7",
            "8", "9");

    private final Path folder;

    /** {@code folder} holds {@code train_32x32.mat} and {@code test_32x32.mat}. */
    public SvhnReader(Path folder) throws DatasetFormatException {
        super("svhn", "train_32x32.mat", "test_32x32.mat");
        this.folder = DataFolder.locate(folder, "svhn", "test_32x32.mat", "SVHN cropped-digit");
    }

    @Override
    ImageSet read(String name, String fileName, int limit) throws DatasetFormatException {
        Path file = DataFolder.requireFile(folder, fileName, "SVHN MATLAB file");
        checkHeader(file);
        MatElementSizeCheck.check(file);
        // Only X and y are parsed: a cell or struct array allocates its slots from the dimensions
        // it claims, before its elements are read, so any other variable is skipped unread.
        List<Mat5Reader.EntryHeader> variables = new ArrayList<>();
        MatFile mat;
        try (Source source = Sources.openFile(file.toFile())) {
            mat = Mat5.newReader(source).setEntryFilter(h -> {
                variables.add(h);
                return (h.getName().equals("X") || h.getName().equals("y")) && NUMERIC.contains(h.getType());
            }).disableSubsystemProcessing().readMat();
        } catch (IOException | RuntimeException e) {
            String why = endedEarly(e) ? "ends in the middle of its data"
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            throw new DatasetFormatException(file, "truncated or corrupt MATLAB v5 file (" + why + ")", e);
        }
        try {
            Matrix x = variable(mat, variables, file, "X");
            Matrix y = variable(mat, variables, file, "y");
            int[] dims = x.getDimensions();
            // MATLAB drops a trailing singleton dimension, so one image is 32x32x3.
            int count = dims.length == 4 ? dims[3] : dims.length == 3 ? 1 : -1;
            if (x.getType() != MatlabType.UInt8 || count < 0 || dims[0] != SIDE || dims[1] != SIDE
                    || dims[2] != 3) {
                throw new DatasetFormatException(file, "variable 'X' is " + describe(x)
                        + ", expected 32x32x3xN uint8");
            }
            // The parser checks that X holds as many values as its dimensions multiply to, but in
            // int arithmetic: a count that wraps around would size the pixel array below from the
            // claim instead of the data.
            if ((long) count * 3 * SIDE * SIDE != x.getNumElements()) {
                throw new DatasetFormatException(file, "variable 'X' claims " + count + " images of 32x32x3 but "
                        + "holds " + Integer.toUnsignedLong(x.getNumElements()) + " bytes");
            }
            if (y.getNumElements() != count) {
                throw new DatasetFormatException(file, "variable 'y' holds " + y.getNumElements()
                        + " labels but 'X' holds " + count + " images");
            }
            int n = Math.min(count, limit);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                double value = y.getDouble(i);
                if (value < 1 || value > 10 || value != Math.rint(value)) {
                    throw new DatasetFormatException(file, "label " + format(value) + " of image " + i
                            + " outside 1..10 (10 stands for the digit 0)");
                }
                labels[i] = (int) value % 10;
            }
            return new ImageSet(name, CLASS_NAMES, 3, SIDE, SIDE, channelFirst(x, n), labels);
        } finally {
            closeQuietly(mat);
        }
    }

    private static void closeQuietly(MatFile mat) {
        try {
            mat.close();
        } catch (IOException e) {
            // The arrays were already copied out; a failure to release the reader's buffers loses nothing.
        }
    }

    private static boolean endedEarly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
        }
        return false;
    }

    /** A v5 MAT file starts with a 128-byte header whose text begins "MATLAB 5.0 MAT-file". */
    private static void checkHeader(Path file) throws DatasetFormatException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEADER_BYTES);
        } catch (IOException e) {
            throw new DatasetFormatException(file, "cannot be read: " + e.getMessage(), e);
        }
        String text = new String(head, 0, Math.min(head.length, 19), StandardCharsets.US_ASCII);
        if (text.startsWith("MATLAB 7.3")) {
            throw new DatasetFormatException(file, "is a MATLAB 7.3 (HDF5) file, expected MATLAB v5 "
                    + "as in the SVHN download (re-save it with save(..., '-v7'))");
        }
        if (head.length < HEADER_BYTES || !text.startsWith("MATLAB 5.0 MAT-file")) {
            throw new DatasetFormatException(file, "not a MATLAB v5 file (expected the 128-byte header "
                    + "starting 'MATLAB 5.0 MAT-file')");
        }
    }

    /** X(row, col, c, i) sits at row + 32*col + 1024*c + 3072*i in MATLAB's column-major order. */
    private static byte[] channelFirst(Matrix x, int n) {
        int plane = SIDE * SIDE;
        byte[] out = new byte[n * 3 * plane];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                int base = (i * 3 + c) * plane;
                for (int col = 0; col < SIDE; col++) {
                    for (int row = 0; row < SIDE; row++) {
                        out[base + row * SIDE + col] = x.getByte(base + col * SIDE + row);
                    }
                }
            }
        }
        return out;
    }

    /** The numeric variable {@code name}, known from the headers of every variable in the file. */
    private static Matrix variable(MatFile mat, List<Mat5Reader.EntryHeader> variables, Path file, String name)
            throws DatasetFormatException {
        List<String> found = new ArrayList<>();
        for (Mat5Reader.EntryHeader h : variables) {
            if (h.getName().equals(name)) {
                if (!NUMERIC.contains(h.getType())) {
                    throw new DatasetFormatException(file, "variable '" + name + "' is a " + h.getType()
                            + ", expected a numeric array");
                }
                for (MatFile.Entry entry : mat.getEntries()) {
                    if (entry.getName().equals(name) && entry.getValue() instanceof Matrix m) {
                        return m;
                    }
                }
            }
            found.add(h.getName());
        }
        throw new DatasetFormatException(file, "no variable '" + name + "' (found: "
                + (found.isEmpty() ? "none" : String.join(", ", found)) + ")");
    }

    private static String describe(Array a) {
        return Arrays.stream(a.getDimensions()).mapToObj(Integer::toString)
                .collect(Collectors.joining("x")) + " " + a.getType();
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
