package org.alignlab.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.PublicKey;
import org.alignlab.contracts.security.Roles;
import org.alignlab.infra.TokenMinter;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

class TestTokensTest {

    @Test
    void testTokensVerifyWithTheTestPublicKeyUnlessForgedOrExpired() throws Exception {
        JwtConsumer verifier = verifier(TokenMinter.decodePublic(TestTokens.publicKey()));
        assertThat(verifier.processToClaims(TestTokens.forRole(Roles.OPERATOR)).getStringListClaimValue("groups"))
                .containsExactly("operator");
        assertThat(TestTokens.bearer(Roles.OPERATOR)).startsWith("Bearer ey");
        assertThatThrownBy(() -> verifier.processToClaims(TestTokens.forged(Roles.OPERATOR)))
                .isInstanceOfSatisfying(InvalidJwtException.class,
                        e -> assertThat(e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)).isTrue());
        assertThatThrownBy(() -> verifier.processToClaims(TestTokens.expired(Roles.OPERATOR)))
                .isInstanceOfSatisfying(InvalidJwtException.class, e -> assertThat(e.hasExpired()).isTrue());
    }

    @Test
    void aTokenForANamedUserCarriesItsSubjectAndRoleAndVerifiesWithTheSameKey() throws Exception {
        JwtConsumer verifier = verifier(TokenMinter.decodePublic(TestTokens.publicKey()));
        JwtClaims alice = verifier.processToClaims(TestTokens.forUser("alice", Roles.RESEARCHER));
        assertThat(alice.getSubject()).isEqualTo("alice");
        assertThat(alice.getStringClaimValue("upn")).isEqualTo("alice");
        assertThat(alice.getStringListClaimValue("groups")).containsExactly("researcher");
        String bearer = TestTokens.bearer("bob", Roles.REVIEWER);
        assertThat(bearer).startsWith("Bearer ey");
        JwtClaims bob = verifier.processToClaims(bearer.substring("Bearer ".length()));
        assertThat(bob.getSubject()).isEqualTo("bob");
        assertThat(bob.getStringListClaimValue("groups")).containsExactly("reviewer");
    }

    private static JwtConsumer verifier(PublicKey key) {
        return new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setExpectedIssuer(Roles.ISSUER)
                .setRequireExpirationTime()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
    }
}
