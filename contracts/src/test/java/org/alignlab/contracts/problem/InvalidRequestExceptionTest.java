package org.alignlab.contracts.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvalidRequestExceptionTest {

    @Test
    void aRequiredUuidIsParsedOrRejectedNamingTheField() {
        UUID id = UUID.randomUUID();
        assertThat(InvalidRequestException.requireUuid("goalId", id.toString())).isEqualTo(id);

        assertThatThrownBy(() -> InvalidRequestException.requireUuid("goalId", " "))
                .isInstanceOf(InvalidRequestException.class).hasMessage("goalId is required")
                .extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("goalId");
        assertThatThrownBy(() -> InvalidRequestException.requireUuid("goalId", "nope"))
                .hasMessage("goalId must be a UUID");
    }
}
