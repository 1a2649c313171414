package org.alignlab.inference.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextFeaturiserTest {

    private static final String ACTION = "{\"agent\":\"ideation\",\"createdAt\":\"2026-01-05T09:00:00Z\","
            + "\"goalId\":\"9b2f1c1e-5b7a-4a39-9f51-0c2f7f1d2a10\",\"hypothesis\":\"Wider nets help\","
            + "\"spec\":{\"family\":\"weak-to-strong\",\"params\":{\"learningRate\":0.01},\"seeds\":[1,2,3],"
            + "\"split\":\"heldout\"},\"type\":\"RUN_EXPERIMENT\"}";

    /** Non-zero entries of {@link #ACTION}'s vector, and the sum of (index + 1) × value over them. */
    private static final long PINNED_NON_ZERO = 159;
    private static final double PINNED_WEIGHTED_SUM = 997.63655;

    private final TextFeaturiser featuriser = new TextFeaturiser(FeatureSpec.standard());

    @Test
    void theSameTextGivesTheSameVectorInAnyInstance() {
        float[] first = featuriser.featurise(ACTION);
        float[] second = new TextFeaturiser(FeatureSpec.standard()).featurise(ACTION);

        assertThat(first).hasSize(4096).containsExactly(second);
    }

    /**
     * A fixed text's vector, pinned: the shipped model was trained on these exact features, so any change to the
     * featuriser that moves them must come with a new {@link FeatureSpec} kind and a retrained model.
     */
    @Test
    void vectorsArePinnedForTheShippedFeatureKind() {
        float[] vector = featuriser.featurise(ACTION);
        long nonZero = 0;
        double weightedSum = 0;
        for (int i = 0; i < vector.length; i++) {
            if (vector[i] != 0) {
                nonZero++;
                weightedSum += (i + 1) * vector[i];
            }
        }

        assertThat(nonZero).isEqualTo(PINNED_NON_ZERO);
        assertThat(weightedSum).isCloseTo(PINNED_WEIGHTED_SUM, offset(1e-3));
    }

    @Test
    void vectorsHaveUnitLength() {
        double norm = 0;
        for (float v : featuriser.featurise(ACTION)) {
            norm += v * v;
        }

        assertThat(Math.sqrt(norm)).isCloseTo(1.0, offset(1e-5));
    }

    @Test
    void codeGivesWordBigramsAndCharacterNgrams() {
        List<String> tokens = tokens("new java.net.Socket(host, 80)");

        assertThat(tokens).contains("word:java", "word:java net", "word:net socket", "word:new java",
                "char:soc", "char:socke", "char:et.so");
        assertThat(tokens).noneMatch(token -> token.startsWith("field:"));
    }

    @Test
    void jsonGivesPathsValuesMagnitudesLengthsAndPairs() {
        List<String> tokens = tokens(ACTION);

        assertThat(tokens).contains(
                "field:key:spec.split",
                "field:spec.split=heldout",
                "field:agent=ideation&spec.split=heldout",
                "field:spec.params.learningRate~e-4",
                "field:spec.seeds#4",
                "field:spec.seeds[]~e0",
                "field:goalId=<uuid>",
                "field:createdAt=<time>");
        assertThat(tokens).noneMatch(token -> token.contains("9b2f1c1e"));
        assertThat(tokens).contains("word:wider nets");
    }

    @Test
    void longBase64RunsAndUnicodeEscapesAreShapes() {
        String blob = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk=";

        assertThat(tokens("decode(\"" + blob + "\"); \\u0052untime")).contains("shape:blob#128",
                "shape:unicode-escape");
        assertThat(tokens("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).noneMatch(t -> t.startsWith("shape:"));
    }

    @Test
    void aSocketMovesTheVector() {
        float[] honest = featuriser.featurise("int x = 1; System.out.println(x);");
        float[] socket = featuriser.featurise("int x = 1; new java.net.Socket(\"10.0.0.1\", 80);");

        assertThat(socket).isNotEqualTo(honest);
    }

    @Test
    void emptyTextIsTheZeroVector() {
        assertThat(featuriser.featurise("")).containsOnly(0f);
    }

    @Test
    void bucketsAreHalfDecadesAndPowersOfTwo() {
        assertThat(TextFeaturiser.magnitudeBucket(0.01)).isEqualTo("e-4");
        assertThat(TextFeaturiser.magnitudeBucket(0.05)).isEqualTo("e-3");
        assertThat(TextFeaturiser.magnitudeBucket(1)).isEqualTo("e0");
        assertThat(TextFeaturiser.magnitudeBucket(900)).isEqualTo("e5");
        assertThat(TextFeaturiser.magnitudeBucket(-900)).isEqualTo("-e5");
        assertThat(TextFeaturiser.magnitudeBucket(0)).isEqualTo("0");
        assertThat(List.of(0, 1, 2, 3, 4, 5, 8, 9, 64, 65).stream().map(TextFeaturiser::sizeBucket))
                .containsExactly(0, 1, 2, 4, 4, 8, 8, 16, 64, 128);
    }

    @Test
    void anUnknownFeatureKindIsRefused() {
        assertThatThrownBy(() -> new FeatureSpec("hashed-ngrams-v0", 4096, 2, 3, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hashed-ngrams-v0");
    }

    private List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        featuriser.tokens(text, (group, token) -> tokens.add(group + ":" + token));
        return tokens;
    }
}
