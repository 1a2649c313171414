package org.alignlab.contracts.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The limits on any JSON AlignLab reads from outside (decision 0012), whoever wrote it: an agent, a script, an LLM, a
 * person or another service. They hold before a schema is even looked at, so that no document can exhaust a parser,
 * and no value can become something a consumer cannot store, hash or compute with.
 *
 * <ul>
 *   <li>An event's payload is at most {@value #MAX_PAYLOAD_BYTES} bytes of UTF-8 (Kafka's default message size).</li>
 *   <li>Nesting is at most {@value #MAX_DEPTH} levels; a number at most {@value #MAX_NUMBER_LENGTH} digits; a
 *   string at most {@value #MAX_STRING_LENGTH} characters, a property name {@value #MAX_NAME_LENGTH}; a key
 *   appears once in its object; nothing follows the document.</li>
 *   <li>Every number is a finite double, every integer within 64 bits (so {@code 1e400} is refused, not read as
 *   Infinity); every string and property name is {@link SafeText} multi-line text (no NUL, no unpaired surrogate).
 *   The schemas bound each field further.</li>
 * </ul>
 *
 * <p>The shared mapper ({@link Json#mapper()}) applies the parser limits to everything it reads. A Quarkus service
 * applies them, and rejects unsafe strings and non-finite numbers in its request bodies, with
 * {@link #applyTo(ObjectMapper)} from an {@code ObjectMapperCustomizer}.
 */
public final class JsonLimits {

    /** The largest event payload, in bytes of UTF-8: 1 MiB. */
    public static final int MAX_PAYLOAD_BYTES = 1 << 20;
    /** The deepest nesting of arrays and objects; events need 5. */
    public static final int MAX_DEPTH = 32;
    /** The most digits in a number (Jackson counts integer, fraction and exponent digits); a double needs 17. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** The longest string a parser reads, in characters; a whole event is no larger. */
    public static final int MAX_STRING_LENGTH = 1 << 20;
    /** The longest property name, in characters; the schemas allow 100. */
    public static final int MAX_NAME_LENGTH = 1000;
    /** The most violations one message lists; the rest are counted. */
    static final int MAX_VIOLATIONS = 20;
    /** The most violations {@link #violations} looks for. */
    private static final int MAX_COUNTED = 1000;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .build();

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigDecimal DOUBLE_MAX = BigDecimal.valueOf(Double.MAX_VALUE);
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int MAX_NAME_SHOWN = 100;

    private JsonLimits() {
    }

    /** The parser limits: nesting, number, string and name lengths. */
    public static StreamReadConstraints streamReadConstraints() {
        return CONSTRAINTS;
    }

    /** A JSON factory with every parser limit, and duplicate keys refused. */
    static JsonFactory factory() {
        return JsonFactory.builder()
                .streamReadConstraints(CONSTRAINTS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /**
     * Applies the limits to a mapper AlignLab does not own (Quarkus' own, which reads request bodies): the parser
     * limits, duplicate keys and trailing content refused, and {@link UnsafeInputModule} (no control character or
     * unpaired surrogate in any string or map key, no non-finite double or float). A violation is thrown as a
     * {@link com.fasterxml.jackson.core.JsonProcessingException}: the parser's own kinds, or an
     * {@link UnsafeInputException} carrying the field's path.
     *
     * @return {@code mapper}
     */
    public static ObjectMapper applyTo(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(CONSTRAINTS);
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.registerModule(new UnsafeInputModule());
        return mapper;
    }

    /**
     * What in a parsed document no consumer can take, each as {@code $.path: problem}: a non-finite number, an integer
     * beyond 64 bits, a string or property name with a control character other than a line break or tab, or with an
     * unpaired surrogate, nesting deeper than {@value #MAX_DEPTH}. Empty when there is none. A caller holding a
     * {@link JsonNode} or a {@code Map} from a request checks it with this (a Map through {@link Json#tree}).
     */
    public static List<String> violations(JsonNode document) {
        List<String> violations = new ArrayList<>();
        walk(document, "$", 0, violations);
        return violations;
    }

    /** The reason a parser limit refused a document, naming where it stopped. */
    static String describe(StreamConstraintsException e, JsonStreamContext where) {
        String message = String.valueOf(e.getOriginalMessage());
        String reason;
        if (message.startsWith("Document nesting depth")) {
            reason = "nested deeper than " + MAX_DEPTH + " levels";
        } else if (message.startsWith("Number value length")) {
            reason = "a number of more than " + MAX_NUMBER_LENGTH + " digits";
        } else if (message.startsWith("String value length")) {
            reason = "a string longer than " + MAX_STRING_LENGTH + " characters";
        } else if (message.startsWith("Name length")) {
            // The parser stopped before the name: where it stands is the object's previous field, not the name.
            return path(where == null ? null : where.getParent()) + ": a property name longer than " + MAX_NAME_LENGTH
                    + " characters";
        } else {
            reason = message;
        }
        return path(where) + ": " + reason;
    }

    /** The JSON path ({@code $.spec.params.x}, {@code $.seeds[2]}) of a parser's position. */
    static String path(JsonStreamContext context) {
        List<String> segments = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.add("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                segments.add(child("", c.getCurrentName()));
            }
        }
        StringBuilder path = new StringBuilder("$");
        for (int i = segments.size() - 1; i >= 0; i--) {
            path.append(segments.get(i));
        }
        return path.toString();
    }

    /** The JSON path of a binding failure's reference chain. */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.replace(0, path.length(), child(path.toString(), reference.getFieldName()));
            } else {
                path.append('[').append(Math.max(reference.getIndex(), 0)).append(']');
            }
        }
        return path.toString();
    }

    /** {@code parent.name}, or {@code parent['odd name']} for a name that is not a plain identifier; shown safely. */
    static String child(String parent, String name) {
        if (PLAIN_NAME.matcher(name).matches() && name.length() <= MAX_NAME_SHOWN) {
            return parent + "." + name;
        }
        return parent + "['" + SafeText.sanitize(name, MAX_NAME_SHOWN, false).replace("'", "\\'") + "']";
    }

    /**
     * Whether a document's UTF-8 encoding is longer than {@code limit} bytes, counted without encoding it (an
     * unpaired surrogate counts 3 bytes).
     */
    public static boolean utf8LongerThan(String text, int limit) {
        if (text.length() > limit) {
            return true;
        }
        if ((long) text.length() * 3 <= limit) {
            return false;
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
            if (bytes > limit) {
                return true;
            }
        }
        return false;
    }

    private static void walk(JsonNode node, String path, int depth, List<String> violations) {
        if (violations.size() >= MAX_COUNTED) {
            return;
        }
        if (node.isContainerNode() && depth >= MAX_DEPTH) {
            violations.add(path + ": nested deeper than " + MAX_DEPTH + " levels");
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = child(path, field.getKey());
                Optional<String> badName = SafeText.problem(field.getKey(), true);
                if (badName.isPresent()) {
                    violations.add(path + ": a property name " + badName.get());
                }
                walk(field.getValue(), child, depth + 1, violations);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", depth + 1, violations);
            }
        } else if (node.isTextual()) {
            SafeText.problem(node.textValue(), true).ifPresent(problem -> violations.add(path + ": " + problem));
        } else if (node.isNumber()) {
            numberProblem(node).ifPresent(problem -> violations.add(path + ": " + problem));
        }
    }

    private static Optional<String> numberProblem(JsonNode number) {
        if (number.isBigInteger()) {
            BigInteger value = number.bigIntegerValue();
            return value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0
                    ? Optional.of("is an integer beyond 64 bits") : Optional.empty();
        }
        if (number.isBigDecimal()) {
            return number.decimalValue().abs().compareTo(DOUBLE_MAX) > 0
                    ? Optional.of("is a number beyond the range of a double") : Optional.empty();
        }
        if (number.isFloatingPointNumber() && !Double.isFinite(number.doubleValue())) {
            return Optional.of("is not a finite number (JSON has no NaN or Infinity; a number as large as 1e400 "
                    + "is read as one)");
        }
        return Optional.empty();
    }
}
