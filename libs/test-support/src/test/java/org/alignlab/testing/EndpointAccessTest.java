package org.alignlab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.alignlab.contracts.security.Roles;
import org.junit.jupiter.api.Test;

class EndpointAccessTest {

    private final EndpointAccess createGoal = EndpointAccess.roles("POST", "/api/goals", 201, Roles.RESEARCHER);
    private final EndpointAccess health = EndpointAccess.open("GET", "/q/health/live", 200);

    @Test
    void aProtectedEndpointAnswersItsRolesRefusesOtherRolesAndChallengesTheRest() {
        assertThat(createGoal.expectedStatus(TestCaller.RESEARCHER)).isEqualTo(201);
        assertThat(createGoal.expectedStatus(TestCaller.OPERATOR)).isEqualTo(403);
        assertThat(createGoal.expectedStatus(TestCaller.SERVICE)).isEqualTo(403);
        assertThat(createGoal.expectedStatus(TestCaller.ANONYMOUS)).isEqualTo(401);
        assertThat(createGoal.expectedStatus(TestCaller.FORGED_TOKEN)).isEqualTo(401);
    }

    @Test
    void anOpenEndpointAnswersAnyoneWithoutAnInvalidToken() {
        assertThat(health.expectedStatus(TestCaller.ANONYMOUS)).isEqualTo(200);
        assertThat(health.expectedStatus(TestCaller.REVIEWER)).isEqualTo(200);
        assertThat(health.expectedStatus(TestCaller.EXPIRED_TOKEN)).isEqualTo(401);
    }

    @Test
    void callersSendTheirTokenOrNone() {
        assertThat(TestCaller.ANONYMOUS.authorization()).isNull();
        assertThat(TestCaller.SERVICE.role()).isEqualTo("service");
        assertThat(TestCaller.FORGED_TOKEN.authorization()).startsWith("Bearer ");
        assertThat(createGoal.withBody("{}").body()).isEqualTo("{}");
        assertThat(createGoal).hasToString("POST /api/goals");
    }
}
