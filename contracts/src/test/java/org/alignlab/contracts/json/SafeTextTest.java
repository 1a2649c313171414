package org.alignlab.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.LongStream;
import org.alignlab.contracts.problem.InvalidRequestException;
import org.alignlab.contracts.testing.Trials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeTextTest {

    @Test
    void plainTextAndNullAreSafe() {
        assertThat(SafeText.problem(null, false)).isEmpty();
        assertThat(SafeText.problem("How much of the gap? ½ — 😀", false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(chars = {'\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\u009f'})
    void everyOtherControlCharacterIsRefusedEvenInMultilineText(char control) {
        assertThat(SafeText.problem("a" + control + "b", true)).get().asString()
                .contains(String.format("U+%04X", (int) control));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r", "\t"})
    void lineBreaksAndTabsAreForMultilineTextOnly(String lineBreak) {
        assertThat(SafeText.problem("one" + lineBreak + "two", true)).isEmpty();
        assertThat(SafeText.problem("one" + lineBreak + "two", false)).get().asString().contains("multi-line");
    }

    @Test
    void anUnpairedSurrogateIsRefusedAndAPairIsNot() {
        assertThat(SafeText.problem("x\uD83D", true)).get().asString().contains("U+D83D");
        assertThat(SafeText.problem("\uDE00x", true)).get().asString().contains("unpaired");
        assertThat(SafeText.problem("\uD83D\uDE00", true)).isEmpty();
    }

    @Test
    void lengthIsCountedInCodePointsAsJsonSchemaCountsIt() {
        String tenEmoji = "😀".repeat(10);
        assertThat(SafeText.problem(tenEmoji, 10, false)).isEmpty();
        assertThat(SafeText.problem(tenEmoji + "x", 10, false)).get().asString().contains("at most 10 characters");
    }

    @Test
    void requireSafeNamesTheFieldOfARequest() {
        assertThat(SafeText.requireSafe("question", "why?", 4000, true)).isEqualTo("why?");
        assertThat(SafeText.requireSafe("question", null, 4000, true)).isNull();

        assertThatThrownBy(() -> SafeText.requireSafe("reason", "no\u0000", 4000, true))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("reason");
                    assertThat(e.getMessage()).contains("U+0000");
                });
        assertThatThrownBy(() -> SafeText.requireSafe("question", "x".repeat(4001), 4000, true))
                .isInstanceOf(InvalidRequestException.class).hasMessage("must be at most 4000 characters");
    }

    @Test
    void sanitizeEscapesWhatIsNotAllowedAndCutsWithAnEllipsis() {
        assertThat(SafeText.sanitize("a\u0000b\nc", 100, false)).isEqualTo("a\\u0000b\\nc");
        assertThat(SafeText.sanitize("a\u0000b\nc", 100, true)).isEqualTo("a\\u0000b\nc");
        assertThat(SafeText.sanitize("abcdef", 4, false)).isEqualTo("abc…");
        assertThat(SafeText.sanitize("😀😀😀", 2, false)).isEqualTo("😀…");
    }

    static LongStream seeds() {
        return Trials.seeds(200);
    }

    /** Whatever goes in, what comes out passes the rule it was sanitised for; safe text comes out unchanged. */
    @ParameterizedTest(name = Trials.NAME)
    @MethodSource("seeds")
    void sanitizedTextIsAlwaysSafe(long seed) {
        Trials.check(seed, SafeTextTest::hostileText, text -> {
            Random random = new Random(seed);
            int maxLength = 1 + random.nextInt(60);
            boolean multiline = random.nextBoolean();
            String safe = SafeText.sanitize(text, maxLength, multiline);

            assertThat(SafeText.problem(safe, maxLength, multiline)).isEmpty();
            if (SafeText.problem(text, maxLength, multiline).isEmpty()) {
                assertThat(safe).isEqualTo(text);
            }
        });
    }

    private static String hostileText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(80);
        for (int i = 0; i < length; i++) {
            text.append(switch (random.nextInt(5)) {
                case 0 -> (char) random.nextInt(0xA0);
                case 1 -> (char) (0xD800 + random.nextInt(0x800));
                case 2 -> "😀";
                case 3 -> "\n";
                default -> (char) ('a' + random.nextInt(26));
            });
        }
        return text.toString();
    }
}
