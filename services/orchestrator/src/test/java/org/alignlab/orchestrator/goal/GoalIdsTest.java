package org.alignlab.orchestrator.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.alignlab.platform.http.ProblemException;
import org.junit.jupiter.api.Test;

class GoalIdsTest {

    @Test
    void parsesCanonicalUuidsInEitherCase() {
        UUID id = UUID.randomUUID();
        assertThat(GoalIds.parse(id.toString())).isEqualTo(id);
        assertThat(GoalIds.parse(id.toString().toUpperCase())).isEqualTo(id);
    }

    @Test
    void rejectsShortFormsAndGarbageNamingTheParameter() {
        for (String raw : new String[] {"1-2-3-4-5", "not-a-uuid", ""}) {
            assertThatThrownBy(() -> GoalIds.parse(raw))
                    .isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).problem().violations())
                            .extracting(v -> v.field()).containsExactly("id"));
        }
    }
}
