package org.alignlab.inference.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.alignlab.contracts.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class ClassifyRequestTest {

    private static final int MAX = 20;

    @Test
    void readsTheText() {
        assertThat(ClassifyRequest.read("{\"text\": \"{\\\"a\\\":1}\"}", MAX).text()).isEqualTo("{\"a\":1}");
    }

    @Test
    void namesTheFieldAtFault() {
        assertField("", "body");
        assertField("not json", "body");
        assertField("[\"text\"]", "body");
        assertField("{\"text\": \"a\"} trailing", "body");
        assertField("{\"text\": \"a\", \"text\": \"b\"}", "body");
        assertField("{}", "text");
        assertField("{\"text\": null}", "text");
        assertField("{\"text\": 5}", "text");
        assertField("{\"text\": \"  \"}", "text");
        assertField("{\"text\": \"" + "x".repeat(MAX + 1) + "\"}", "text");
        assertField("{\"text\": \"a\", \"label\": \"benign\"}", "label");
        assertField("{\"text\": \"nul \\u0000\"}", "text");
        assertField("{\"text\": " + "[".repeat(100) + "]".repeat(100) + "}", "body");
    }

    private static void assertField(String body, String field) {
        assertThatThrownBy(() -> ClassifyRequest.read(body, MAX))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
