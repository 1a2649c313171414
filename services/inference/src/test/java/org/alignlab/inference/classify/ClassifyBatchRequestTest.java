package org.alignlab.inference.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.alignlab.contracts.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class ClassifyBatchRequestTest {

    private static final int MAX_TEXTS = 3;
    private static final int MAX_CHARS = 20;

    @Test
    void readsTheTextsInOrder() {
        assertThat(ClassifyBatchRequest.read("{\"texts\": [\"{\\\"a\\\":1}\", \"b\", \"c\"]}", MAX_TEXTS, MAX_CHARS)
                .texts()).containsExactly("{\"a\":1}", "b", "c");
    }

    @Test
    void namesTheFieldOrTheItemAtFault() {
        assertField("", "body");
        assertField("not json", "body");
        assertField("[\"a\"]", "body");
        assertField("{\"texts\": [\"a\"]} trailing", "body");
        assertField("{\"texts\": [\"a\"], \"texts\": [\"b\"]}", "body");
        assertField("{}", "texts");
        assertField("{\"texts\": null}", "texts");
        assertField("{\"texts\": \"a\"}", "texts");
        assertField("{\"texts\": []}", "texts");
        assertField("{\"texts\": [\"a\", \"b\", \"c\", \"d\"]}", "texts");
        assertField("{\"texts\": [\"a\", 5]}", "texts[1]");
        assertField("{\"texts\": [\"a\", \"b\", null]}", "texts[2]");
        assertField("{\"texts\": [\"  \"]}", "texts[0]");
        assertField("{\"texts\": [\"a\", [\"b\"]]}", "texts[1]");
        assertField("{\"texts\": [\"a\", \"" + "x".repeat(MAX_CHARS + 1) + "\"]}", "texts[1]");
        assertField("{\"texts\": [\"a\"], \"text\": \"b\"}", "text");
    }

    @Test
    void anOversizeBatchSaysHowManyItMayHold() {
        assertThatThrownBy(() -> ClassifyBatchRequest.read("{\"texts\": [\"a\", \"b\", \"c\", \"d\"]}", MAX_TEXTS,
                MAX_CHARS)).hasMessageContaining("at most 3 texts");
    }

    private static void assertField(String body, String field) {
        assertThatThrownBy(() -> ClassifyBatchRequest.read(body, MAX_TEXTS, MAX_CHARS))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
