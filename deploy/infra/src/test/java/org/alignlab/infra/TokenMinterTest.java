package org.alignlab.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import org.alignlab.contracts.security.Roles;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

/** Tokens as a service verifies them: RS256, issuer alignlab, one role in groups, a bounded lifetime. */
class TokenMinterTest {

    @Test
    void aMintedTokenCarriesIssuerNameAndRoleAndVerifiesWithTheEncodedPublicKey() throws Exception {
        KeyPair keys = TokenMinter.generateKeyPair();
        String token = TokenMinter.mint(keys.getPrivate(), "local-reviewer", Roles.REVIEWER, Duration.ofHours(12));

        JwtClaims claims = verifier(TokenMinter.decodePublic(TokenMinter.encode(keys.getPublic())))
                .processToClaims(token);
        assertThat(claims.getIssuer()).isEqualTo("alignlab");
        assertThat(claims.getSubject()).isEqualTo("local-reviewer");
        assertThat(claims.getStringClaimValue("upn")).isEqualTo("local-reviewer");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("reviewer");
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertThat(lifetime).isEqualTo(Duration.ofHours(12).toSeconds());
    }

    @Test
    void aPrivateKeySurvivesEncoding() throws Exception {
        KeyPair keys = TokenMinter.generateKeyPair();
        String token = TokenMinter.mint(TokenMinter.decodePrivate(TokenMinter.encode(keys.getPrivate())), "monitor",
                Roles.SERVICE, Duration.ofMinutes(5));
        assertThat(verifier(keys.getPublic()).processToClaims(token).getStringListClaimValue("groups"))
                .containsExactly("service");
    }

    @Test
    void keysThatAreNotBase64RsaAreRefusedClearly() {
        assertThatThrownBy(() -> TokenMinter.decodePublic("not a key"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X.509 RSA public key");
        assertThatThrownBy(
                () -> TokenMinter.decodePrivate(TokenMinter.encode(TokenMinter.generateKeyPair().getPublic())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PKCS#8 RSA private key");
    }

    static JwtConsumer verifier(PublicKey key) {
        return new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setExpectedIssuer(Roles.ISSUER)
                .setRequireExpirationTime()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
    }
}
