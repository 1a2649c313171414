package org.alignlab.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.AuditEvent;
import org.alignlab.contracts.events.AuditEventType;
import org.junit.jupiter.api.Test;

/** The limits every decoded payload and every {@link Json#parse} meets before any schema is consulted. */
class JsonLimitsTest {

    private static final AuditEvent EVENT = new AuditEvent(UUID.fromString("1e2d3c4b-5a69-4788-9a0b-c1d2e3f40516"),
            UUID.fromString("0b7f3c1e-8a5d-4c2b-9e61-3f2a1d0c9b8a"),
            UUID.fromString("5c2d9e4f-1b3a-4d6c-8e7f-9a0b1c2d3e4f"),
            AuditEventType.EXECUTION_STARTED, "sandbox", null, Instant.parse("2026-11-26T20:00:00Z"),
            "0123456789abcdef",
            "A".repeat(86));

    private static String padded(String payload, int bytes) {
        return payload + " ".repeat(bytes - payload.length());
    }

    @Test
    void aPayloadOfExactlyOneMebibyteDecodesAndOneByteMoreIsRefused() {
        String event = EventCodec.encode(EVENT);

        assertThatCode(() -> EventCodec.decode(padded(event, JsonLimits.MAX_PAYLOAD_BYTES), AuditEvent.class))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> EventCodec.decode(padded(event, JsonLimits.MAX_PAYLOAD_BYTES + 1), AuditEvent.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("the payload is larger than 1048576 bytes");
    }

    @Test
    void theSizeIsCountedInBytesOfUtf8NotInCharacters() {
        String event = EventCodec.encode(EVENT).replace("\"sandbox\"", "\"sandbox é\"");
        String payload = padded(event, JsonLimits.MAX_PAYLOAD_BYTES);

        assertThat(payload).hasSize(JsonLimits.MAX_PAYLOAD_BYTES);
        assertThatThrownBy(() -> EventCodec.decode(payload, AuditEvent.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("larger than");
    }

    @Test
    void aProducerCannotPublishWhatAConsumerWouldRefuseForItsSize() {
        AuditEvent huge = new AuditEvent(EVENT.id(), EVENT.goalId(), EVENT.actionId(), EVENT.type(), "😀".repeat(3000),
                null, EVENT.at(), EVENT.keyId(), EVENT.signature());
        assertThatCode(() -> EventCodec.encode(huge)).doesNotThrowAnyException();
        assertThatThrownBy(() -> EventCodec.encode(new AuditEvent(EVENT.id(), EVENT.goalId(), EVENT.actionId(),
                EVENT.type(), "x".repeat(5000), null, EVENT.at(), EVENT.keyId(), EVENT.signature())))
                .hasMessageContaining("$.detail");
    }

    @Test
    void emptyAndBlankPayloadsAreRefused() {
        for (String empty : new String[] {null, "", "  \n"}) {
            assertThatThrownBy(() -> EventCodec.decode(empty, AuditEvent.class))
                    .isInstanceOf(InvalidEventException.class).hasMessageContaining("empty payload");
        }
    }

    @Test
    void contentAfterTheEventIsRefused() {
        String payload = EventCodec.encode(EVENT) + " {}";
        assertThatThrownBy(() -> EventCodec.decode(payload, AuditEvent.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not JSON: Trailing token");
    }

    @Test
    void aRawControlCharacterIsNotJsonAndTheMessageNamesWhereAndStaysPrintable() {
        String payload = EventCodec.encode(EVENT).replace("\"sandbox\"", "\"sand\u0000box\"");

        assertThatThrownBy(() -> EventCodec.decode(payload, AuditEvent.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("not JSON at $.detail")
                .satisfies(e -> assertThat(SafeText.problem(e.getMessage(), false)).isEmpty());
    }

    @Test
    void aPropertyNameLongerThanTheParserLimitIsRefusedNamingItsObject() {
        ObjectNode tree = (ObjectNode) Json.tree(EVENT);
        tree.put("x".repeat(JsonLimits.MAX_NAME_LENGTH + 1), 1);

        assertThatThrownBy(() -> EventCodec.decode(tree.toString(), AuditEvent.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("invalid AuditEvent: $: a property name longer than 1000 characters");
    }

    @Test
    void hostilePropertyNamesCannotMakeTheReasonUnsafeOrUnbounded() {
        ObjectNode tree = (ObjectNode) Json.tree(EVENT);
        for (int i = 0; i < 100; i++) {
            tree.put("evil\u0000\n" + "x".repeat(900) + i, 1);
        }

        assertThatThrownBy(() -> EventCodec.decode(tree.toString(), AuditEvent.class))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(SafeText.problem(e.getMessage(), false)).isEmpty();
                    assertThat(e.getMessage()).hasSizeLessThan(JsonLimits.MAX_VIOLATIONS * 520)
                            .contains("more");
                    assertThat(e.violations()).hasSize(JsonLimits.MAX_VIOLATIONS)
                            .allSatisfy(v -> assertThat(v).hasSizeLessThanOrEqualTo(500));
                });
    }

    @Test
    void parseKeepsThirtyTwoLevelsAndRefusesThirtyThree() {
        assertThatCode(() -> Json.parse("[".repeat(32) + "]".repeat(32))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Json.parse("[".repeat(33) + "]".repeat(33)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nesting depth");
    }

    @Test
    void parseKeepsAHundredDigitNumberAndRefusesALongerOne() {
        assertThat(Json.parse("{\"x\": 0." + "1".repeat(100) + "}").get("x").isDouble()).isTrue();
        assertThatThrownBy(() -> Json.parse("{\"x\": 0." + "1".repeat(101) + "}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Number value length");
        assertThatThrownBy(() -> Json.parse("{\"x\": " + "1".repeat(101) + "}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Number value length");
        assertThatThrownBy(() -> Json.parse("{\"x\": 0." + "1".repeat(400) + "}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Number value length");
    }

    @Test
    void parseRefusesWhatNoConsumerCanTakeNamingTheField() {
        Map<String, String> refused = Map.of(
                "{\"a\": {\"b\": 1e400}}", "$.a.b: is not a finite number",
                "{\"a\": [1, -2e308]}", "$.a[1]: is not a finite number",
                "{\"a\": 123456789012345678901234567890}", "$.a: is an integer beyond 64 bits",
                "{\"a\": \"x\\u0000\"}", "$.a: contains the control character U+0000",
                "{\"a\\u0000\": 1}", "$: a property name contains the control character U+0000",
                "{\"odd key\": \"\\ud800\"}", "$['odd key']: contains the unpaired surrogate U+D800",
                "{\"a\": 1, \"a\": 2}", "Duplicate field 'a'",
                "{\"a\": 1} []", "Trailing token");
        refused.forEach((json, message) -> assertThatThrownBy(() -> Json.parse(json)).as(json)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message));
    }

    @Test
    void parseKeepsLineBreaksTabsAndTheLargestIntegers() {
        assertThat(Json.parse("{\"a\": \"x\\n\\ty\\r\", \"b\": 9223372036854775807, \"c\": -1.7976931348623157e308}")
                .get("b").longValue()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void violationsOfATreeBuiltInCodeAreFoundToo() {
        Map<String, Object> params = Map.of("x", Double.NaN, "y", List.of("ok", "\u0007"));

        assertThat(JsonLimits.violations(Json.tree(Map.of("params", params)))).containsExactlyInAnyOrder(
                "$.params.x: is not a finite number (JSON has no NaN or Infinity; a number as large as 1e400 is read"
                        + " as one)",
                "$.params.y[1]: contains the control character U+0007");
    }
}
