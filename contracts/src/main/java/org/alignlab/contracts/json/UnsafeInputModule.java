package org.alignlab.contracts.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Optional;

/**
 * Refuses, while binding a request body, what {@link JsonLimits#violations} refuses in a tree: a {@code String} (a
 * field, a list element, a map key) with a control character other than a line break or tab or with an unpaired
 * surrogate, and a {@code double}, {@code Double}, {@code float} or {@code Float} that is not finite (JSON's
 * {@code 1e400}, or Jackson's lenient {@code "NaN"}). Each refusal is an {@link UnsafeInputException} carrying the
 * field's path. Whether a field may hold line breaks, and how long it may be, stays the field's own rule
 * ({@link SafeText#requireSafe}, {@code @Size}). Values bound as {@code Object} or {@code JsonNode} are not seen
 * here: check them with {@link JsonLimits#violations}.
 *
 * <p>Registered by {@link JsonLimits#applyTo}.
 */
public final class UnsafeInputModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    public UnsafeInputModule() {
        super("alignlab-unsafe-input");
        addDeserializer(String.class, new SafeStringDeserializer());
        addKeyDeserializer(String.class, new SafeKeyDeserializer());
        addDeserializer(Double.class, new FiniteDoubleDeserializer(Double.class, null));
        addDeserializer(double.class, new FiniteDoubleDeserializer(Double.TYPE, 0.0));
        addDeserializer(Float.class, new FiniteFloatDeserializer(Float.class, null));
        addDeserializer(float.class, new FiniteFloatDeserializer(Float.TYPE, 0.0f));
    }

    private static String checked(JsonParser parser, String value) throws UnsafeInputException {
        Optional<String> problem = SafeText.problem(value, true);
        if (problem.isPresent()) {
            throw new UnsafeInputException(parser, problem.get(), String.class);
        }
        return value;
    }

    private static UnsafeInputException notFinite(JsonParser parser, Class<?> type) {
        return new UnsafeInputException(parser, "must be a finite number", type);
    }

    static final class SafeStringDeserializer extends StringDeserializer {

        private static final long serialVersionUID = 1L;

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return checked(parser, super.deserialize(parser, context));
        }
    }

    static final class SafeKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            return checked(context.getParser(), key);
        }
    }

    static final class FiniteDoubleDeserializer extends NumberDeserializers.DoubleDeserializer {

        private static final long serialVersionUID = 1L;

        FiniteDoubleDeserializer(Class<Double> type, Double nullValue) {
            super(type, nullValue);
        }

        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Double value = super.deserialize(parser, context);
            if (value != null && !Double.isFinite(value)) {
                throw notFinite(parser, Double.class);
            }
            return value;
        }
    }

    static final class FiniteFloatDeserializer extends NumberDeserializers.FloatDeserializer {

        private static final long serialVersionUID = 1L;

        FiniteFloatDeserializer(Class<Float> type, Float nullValue) {
            super(type, nullValue);
        }

        @Override
        public Float deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Float value = super.deserialize(parser, context);
            if (value != null && !Float.isFinite(value)) {
                throw notFinite(parser, Float.class);
            }
            return value;
        }
    }
}
