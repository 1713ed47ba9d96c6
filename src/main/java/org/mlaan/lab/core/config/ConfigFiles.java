package org.mlaan.lab.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mlaan.lab.core.io.AtomicFiles;

/**
 * Reads and writes experiment configs as JSON. Reading is strict: an unknown field, a wrong type
 * or a bad value fails with the file name, the field's path and what was expected. A config must
 * run what it says, so a fraction for a whole number and a key given twice are refused rather than
 * truncated or silently overwritten.
 */
public final class ConfigFiles {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(WholeNumbers.module())
            .build();
    /** Jackson's words for a key given twice; the key is not otherwise on the exception. */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");
    /** Editors on Windows may start a UTF-8 file with a byte-order mark, which JSON does not allow. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private ConfigFiles() {}

    /** The shared mapper, configured strictly; other JSON records of the lab use it too. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads and validates a config file. */
    public static ExperimentConfig read(Path file) throws ConfigException {
        String text;
        try {
            text = ConfigText.decode(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), List.of("no such file"));
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of("cannot be read: " + e.getMessage()));
        }
        return parse(text, file.toString());
    }

    /**
     * A config shipped inside the jar (a file of {@code sample-configs/}, which the build copies
     * there), such as the window's demos and the lesson.
     *
     * @throws IllegalStateException when the file is missing from the jar or does not validate (a
     *     build mistake, not the user's)
     */
    public static ExperimentConfig embedded(String file) {
        try (java.io.InputStream in = ConfigFiles.class.getResourceAsStream("/org/mlaan/lab/demos/" + file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (ConfigException e) {
            throw new IllegalStateException(file + " does not validate: " + e.getMessage(), e);
        }
    }

    /** Parses and validates config text; {@code source} names it in messages. */
    public static ExperimentConfig parse(String json, String source) throws ConfigException {
        String text = !json.isEmpty() && json.charAt(0) == BYTE_ORDER_MARK ? json.substring(1) : json;
        ExperimentConfig config;
        try {
            config = MAPPER.readValue(text, ExperimentConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? ""
                    : e.getKnownPropertyIds().stream().map(Object::toString)
                            .collect(Collectors.toCollection(TreeSet::new)).toString();
            throw new ConfigException(source, List.of(path(e) + ": unknown field; expected one of " + known));
        } catch (WholeNumbers.Refused e) {
            throw new ConfigException(source, List.of(path(e) + ": " + e.getOriginalMessage()));
        } catch (InvalidFormatException e) {
            throw new ConfigException(source, List.of(path(e) + ": expected " + simpleType(e.getTargetType())
                    + ", got " + e.getValue()));
        } catch (MismatchedInputException e) {
            String expected = e.getTargetType() == null ? "another value" : simpleType(e.getTargetType());
            throw new ConfigException(source, List.of(path(e) + ": expected " + expected));
        } catch (JsonProcessingException e) {
            Optional<String> twice = givenTwice(e);
            if (twice.isPresent()) {
                throw new ConfigException(source, List.of(twice.get()));
            }
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ConfigException(source, List.of("not valid JSON" + where + ": " + e.getOriginalMessage()));
        }
        if (config == null) {
            throw new ConfigException(source, List.of("empty file, expected a JSON object"));
        }
        ConfigValidator.validate(config, source);
        return config;
    }

    /** Parses config text without validating it (tests and tools that validate later). */
    public static ExperimentConfig mapperRead(String json) {
        try {
            return MAPPER.readValue(json, ExperimentConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    public static String toJson(ExperimentConfig config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a config record could not be written as JSON", e);
        }
    }

    /** Writes a config atomically: a temporary file beside it, then a rename. */
    public static void write(ExperimentConfig config, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(config) + System.lineSeparator());
    }

    /**
     * A key given twice, as {@code training.epochs: given twice (line 5)}. Jackson reports it from
     * the parser, wrapped with the path of the enclosing object when that object is nested.
     */
    private static Optional<String> givenTwice(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException j && j.getOriginalMessage() != null) {
                Matcher m = DUPLICATE.matcher(j.getOriginalMessage());
                if (m.matches()) {
                    String within = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                            ? path(mapping) + "." : "";
                    String line = j.getLocation() == null ? "" : " (line " + j.getLocation().getLineNr() + ")";
                    return Optional.of(within + m.group(1) + ": given twice" + line + "; give each key once");
                }
            }
        }
        return Optional.empty();
    }

    private static String path(JsonMappingException e) {
        String p = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return p.isEmpty() ? "(top level)" : p.replace(".[", "[");
    }

    private static String simpleType(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        return "a JSON object";
    }
}
