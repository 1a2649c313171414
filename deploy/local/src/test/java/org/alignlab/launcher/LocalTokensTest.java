package org.alignlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import org.alignlab.contracts.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local stack's tokens, checked with nothing but the JDK: RS256 over the stack's key, the claims services read. */
class LocalTokensTest {

    @TempDir
    Path dir;

    @Test
    void theKeyPairIsMadeOnceAndThePrivateHalfIsTheOwnersAlone() throws Exception {
        RunDir run = new RunDir(dir);
        String first = LocalTokens.loadOrCreate(run).publicKey();

        assertThat(LocalTokens.loadOrCreate(run).publicKey()).isEqualTo(first);
        assertThat(
                PosixFilePermissions.toString(Files.getPosixFilePermissions(run.keys().resolve("token-signing.key"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(run.keys().resolve("token-signing.pub")).strip()).isEqualTo(first);
    }

    @Test
    void aPersonsTokenNamesTheirRoleAndLastsTwelveHours() throws Exception {
        LocalTokens tokens = LocalTokens.loadOrCreate(new RunDir(dir));
        String token = tokens.forPeople().get("reviewer");

        assertThat(verifies(token, tokens.publicKey())).isTrue();
        JsonNode claims = claims(token);
        assertThat(claims.path("iss").asText()).isEqualTo("alignlab");
        assertThat(claims.path("upn").asText()).isEqualTo("local-reviewer");
        assertThat(claims.path("groups").toString()).isEqualTo("[\"reviewer\"]");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong())
                .isEqualTo(Duration.ofHours(12).toSeconds());
        assertThat(tokens.forPeople()).containsOnlyKeys("researcher", "reviewer", "operator");
    }

    @Test
    void aServiceTokenNamesTheCallingServiceAndOutlastsALongRun() throws Exception {
        LocalTokens tokens = LocalTokens.loadOrCreate(new RunDir(dir));
        String token = tokens.forService(Service.EXECUTOR);

        assertThat(verifies(token, tokens.publicKey())).isTrue();
        JsonNode claims = claims(token);
        assertThat(claims.path("sub").asText()).isEqualTo("executor");
        assertThat(claims.path("groups").toString()).isEqualTo("[\"service\"]");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong())
                .isEqualTo(Duration.ofDays(30).toSeconds());
    }

    @Test
    void anotherRunDirectorysKeyDoesNotVerifyThisOnesTokens() throws Exception {
        String token = LocalTokens.loadOrCreate(new RunDir(dir.resolve("a"))).forPerson("operator");
        String otherKey = LocalTokens.loadOrCreate(new RunDir(dir.resolve("b"))).publicKey();
        assertThat(verifies(token, otherKey)).isFalse();
    }

    /** The claims of a JWT, unverified. */
    static JsonNode claims(String token) {
        String payload = token.split("\\.")[1];
        return Json.parse(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    /** True when the token is RS256-signed by the private half of {@code publicKey} (base64 X.509). */
    static boolean verifies(String token, String publicKey) throws Exception {
        String[] parts = token.split("\\.");
        JsonNode header = Json.parse(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
    }
}
