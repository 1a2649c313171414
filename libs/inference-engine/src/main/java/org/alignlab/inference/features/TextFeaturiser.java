package org.alignlab.inference.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a text — normally the canonical JSON of an agent action — into a fixed-length vector by feature hashing.
 * The same text gives the same vector on every machine: nothing here depends on iteration order of hash maps,
 * the locale or {@link String#hashCode()}.
 *
 * <p>Tokens come in four groups, each scaled to unit length before they are added, so a long script cannot drown
 * the few structured fields and vice versa:
 * <ul>
 *   <li>{@code field} — for JSON text: every key path ({@code key:spec.split}), each short string value with its path
 *       ({@code spec.split=heldout}), each number as a half-decade bucket ({@code spec.params.learningRate~e-4} for
 *       0.01), each array's length as a power-of-two bucket, and every pair of short string values, so that a linear
 *       model can weigh "ideation asks for heldout" differently from "review asks for heldout". UUIDs and times are
 *       reduced to their shape: they identify, they do not describe.</li>
 *   <li>{@code word} — word 1..n-grams of all string content, lower-cased, split at anything but letters, digits and
 *       underscores ({@code new java.net.Socket(} gives {@code java net}, {@code net socket}, ...).</li>
 *   <li>{@code char} — character n-grams of the same content with runs of white space collapsed: they see code
 *       punctuation such as {@code "+"} and pieces of words that are spelled apart.</li>
 *   <li>{@code shape} — long Base64-like runs and Unicode escapes, which say "something is hidden here".</li>
 * </ul>
 * A text that is not a JSON object or array is all prose: it gets words, characters and shapes.
 */
public final class TextFeaturiser {

    static final String FIELD = "field";
    static final String WORD = "word";
    static final String CHAR = "char";
    static final String SHAPE = "shape";
    private static final List<String> GROUPS = List.of(FIELD, WORD, CHAR, SHAPE);

    /** A string value this short without white space is a category (an enum, a family, a policy), not prose. */
    private static final int MAX_CATEGORY_CHARS = 40;
    /** Pairs are taken among the first this many categories, which bounds them at 120 whatever the text. */
    private static final int MAX_CROSSED_CATEGORIES = 16;
    private static final int MIN_BLOB_DISTINCT_CHARS = 10;

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern WORD_SPLIT = Pattern.compile("[^a-z0-9_]+");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern BLOB = Pattern.compile("[A-Za-z0-9+/=_-]{32,}");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9a-fA-F]{4}");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Receives each token with its group, once per occurrence. */
    interface TokenSink {
        void accept(String group, String token);
    }

    private final FeatureSpec spec;

    public TextFeaturiser(FeatureSpec spec) {
        this.spec = spec;
    }

    public FeatureSpec spec() {
        return spec;
    }

    /** The feature vector of {@code text}: {@link FeatureSpec#dimension()} floats, unit length unless empty. */
    public float[] featurise(String text) {
        int dimension = spec.dimension();
        Map<String, float[]> groups = new LinkedHashMap<>();
        for (String group : GROUPS) {
            groups.put(group, new float[dimension]);
        }
        tokens(text, (group, token) -> {
            long hash = StableHash.of(group, token);
            int bucket = (int) Math.floorMod(hash, (long) dimension);
            groups.get(group)[bucket] += hash < 0 ? -1f : 1f;
        });
        float[] vector = new float[dimension];
        for (float[] counts : groups.values()) {
            addDampedUnit(counts, vector);
        }
        scaleToUnit(vector);
        return vector;
    }

    /** Every token of {@code text}, in a deterministic order; what {@link #featurise} hashes. */
    void tokens(String text, TokenSink sink) {
        JsonNode json = parseStructure(text);
        List<String> prose = new ArrayList<>();
        if (json == null) {
            prose.add(text);
        } else {
            List<String> categories = new ArrayList<>();
            walk(json, "", false, sink, prose, categories);
            cross(categories, sink);
        }
        for (String piece : prose) {
            words(piece, sink);
            characters(piece, sink);
            shapes(piece, sink);
        }
    }

    private static JsonNode parseStructure(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isContainerNode() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static void walk(JsonNode node, String path, boolean inArray, TokenSink sink, List<String> prose,
            List<String> categories) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                sink.accept(FIELD, "key:" + child);
                walk(field.getValue(), child, inArray, sink, prose, categories);
            }
        } else if (node.isArray()) {
            sink.accept(FIELD, path + "#" + sizeBucket(node.size()));
            for (JsonNode element : node) {
                walk(element, path + "[]", true, sink, prose, categories);
            }
        } else if (node.isNumber()) {
            sink.accept(FIELD, path + "~" + magnitudeBucket(node.asDouble()));
        } else if (node.isBoolean() || node.isNull()) {
            sink.accept(FIELD, path + "=" + node.asText());
        } else {
            text(node.asText(), path, inArray, sink, prose, categories);
        }
    }

    private static void text(String value, String path, boolean inArray, TokenSink sink, List<String> prose,
            List<String> categories) {
        if (UUID.matcher(value).matches()) {
            sink.accept(FIELD, path + "=<uuid>");
            return;
        }
        if (TIMESTAMP.matcher(value).matches()) {
            sink.accept(FIELD, path + "=<time>");
            return;
        }
        if (value.length() <= MAX_CATEGORY_CHARS && !WHITE_SPACE.matcher(value).find()) {
            String category = path + "=" + value.toLowerCase(Locale.ROOT);
            sink.accept(FIELD, category);
            if (!inArray) {
                categories.add(category);
            }
        }
        prose.add(value);
    }

    private static void cross(List<String> categories, TokenSink sink) {
        int n = Math.min(categories.size(), MAX_CROSSED_CATEGORIES);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                sink.accept(FIELD, categories.get(i) + "&" + categories.get(j));
            }
        }
    }

    private void words(String piece, TokenSink sink) {
        String[] words = WORD_SPLIT.split(piece.toLowerCase(Locale.ROOT));
        List<String> kept = new ArrayList<>(words.length);
        for (String word : words) {
            if (!word.isEmpty()) {
                kept.add(word);
            }
        }
        for (int n = 1; n <= spec.maxWordNgram(); n++) {
            for (int start = 0; start + n <= kept.size(); start++) {
                sink.accept(WORD, String.join(" ", kept.subList(start, start + n)));
            }
        }
    }

    private void characters(String piece, TokenSink sink) {
        String collapsed = WHITE_SPACE.matcher(piece.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        for (int n = spec.minCharNgram(); n <= spec.maxCharNgram(); n++) {
            for (int start = 0; start + n <= collapsed.length(); start++) {
                sink.accept(CHAR, collapsed.substring(start, start + n));
            }
        }
    }

    private static void shapes(String piece, TokenSink sink) {
        Matcher blob = BLOB.matcher(piece);
        while (blob.find()) {
            if (blob.group().chars().distinct().count() >= MIN_BLOB_DISTINCT_CHARS) {
                sink.accept(SHAPE, "blob#" + sizeBucket(blob.group().length()));
            }
        }
        Matcher escape = UNICODE_ESCAPE.matcher(piece);
        while (escape.find()) {
            sink.accept(SHAPE, "unicode-escape");
        }
    }

    /** Half-decades: 0.01 → e-4, 0.03 → e-4, 0.05 → e-3, 1 → e0, 900 → e5, 4096 → e7; zero and sign apart. */
    static String magnitudeBucket(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value == 0 ? "0" : "nan";
        }
        long bucket = (long) Math.floor(2 * Math.log10(Math.abs(value)));
        return (value < 0 ? "-" : "") + "e" + bucket;
    }

    /** 0, 1, 2, then powers of two: 3–4 → 4, 5–8 → 8, ... */
    static int sizeBucket(int size) {
        if (size <= 2) {
            return size;
        }
        return Integer.highestOneBit(size - 1) << 1;
    }

    /** Adds {@code sign(c)·log(1 + |c|)} of each count, scaled so the group's part has unit length. */
    private static void addDampedUnit(float[] counts, float[] into) {
        double norm = 0;
        for (int i = 0; i < counts.length; i++) {
            float c = counts[i];
            counts[i] = Math.signum(c) * (float) Math.log1p(Math.abs(c));
            norm += counts[i] * counts[i];
        }
        if (norm == 0) {
            return;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < counts.length; i++) {
            into[i] += counts[i] * scale;
        }
    }

    private static void scaleToUnit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm == 0) {
            return;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
    }
}
