package org.mlaan.lab.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.function.LongFunction;

/**
 * Reads JSON numbers into {@code Integer} and {@code Long} fields only when they are whole and fit.
 * Jackson would truncate {@code "epochs": 1.5} to 1 epoch, and report {@code 99999999999} for an
 * int without naming its field; a config must run what it says, so both are refused with the
 * number as written in the file.
 */
final class WholeNumbers {
    private WholeNumbers() {}

    /** The module that installs the strict readers for both boxed types. */
    static Module module() {
        SimpleModule m = new SimpleModule("whole numbers");
        m.addDeserializer(Integer.class, new Bounded<>(Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE,
                v -> (int) v));
        m.addDeserializer(Long.class, new Bounded<>(Long.class, Long.MIN_VALUE, Long.MAX_VALUE, v -> v));
        return m;
    }

    /** A number refused for a whole-number field; the message is the part after the field's path. */
    static final class Refused extends InvalidFormatException {
        private static final long serialVersionUID = 1L;

        Refused(JsonParser p, String message, String text, Class<?> target) {
            super(p, message, text, target);
        }
    }

    private static final class Bounded<T extends Number> extends StdScalarDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final long min;
        private final long max;
        private final LongFunction<T> box;
        private final JsonDeserializer<?> standard;

        Bounded(Class<T> type, long min, long max, LongFunction<T> box) {
            super(type);
            this.min = min;
            this.max = max;
            this.box = box;
            this.standard = NumberDeserializers.find(type, type.getName());
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                throw new Refused(p, "expected a whole number, got " + p.getText(), p.getText(), handledType());
            }
            if (token == JsonToken.VALUE_NUMBER_INT) {
                boolean fits = p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                        && p.getLongValue() >= min && p.getLongValue() <= max;
                if (!fits) {
                    String bound = p.getText().startsWith("-") ? "of at least " + min : "up to " + max;
                    throw new Refused(p, "expected a whole number " + bound + ", got " + p.getText(), p.getText(),
                            handledType());
                }
                return box.apply(p.getLongValue());
            }
            // Strings, objects and the like keep Jackson's own rules and messages.
            @SuppressWarnings("unchecked")
            T other = (T) standard.deserialize(p, ctxt);
            return other;
        }
    }
}
