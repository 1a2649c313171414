package org.alignlab.testing;

import org.alignlab.infra.TokenMinter;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;

/**
 * Bearer tokens for tests, signed by one RSA key pair per test JVM. {@link TestInfrastructure#start()} hands the
 * public key to every {@code @QuarkusTest} application, so a test calls an endpoint as a role with
 * {@code given().auth().oauth2(TestTokens.forRole(Roles.RESEARCHER))} or
 * {@code .header("Authorization", TestTokens.bearer(Roles.RESEARCHER))}; {@link #forUser} names the caller, for tests
 * where who asks matters (one researcher's goals are not another's).
 */
public final class TestTokens {

    private static final Duration LIFETIME = Duration.ofHours(1);

    private static final KeyPair KEYS = TokenMinter.generateKeyPair();
    // Signs tokens that look right in every claim but that no service trusts.
    private static final KeyPair STRANGER = TokenMinter.generateKeyPair();

    private TestTokens() {
    }

    /** The base64 X.509 public key services verify test tokens with ({@code mp.jwt.verify.publickey}). */
    public static String publicKey() {
        return TokenMinter.encode(KEYS.getPublic());
    }

    /** A valid token for a caller named {@code test-<role>} in {@code role}. */
    public static String forRole(String role) {
        return TokenMinter.mint(KEYS.getPrivate(), "test-" + role, role, LIFETIME);
    }

    /** {@code Bearer <token>}, the value of an {@code Authorization} header. */
    public static String bearer(String role) {
        return "Bearer " + forRole(role);
    }

    /** A valid token for the caller {@code subject} (its {@code sub} and {@code upn}) in {@code role}. */
    public static String forUser(String subject, String role) {
        return TokenMinter.mint(KEYS.getPrivate(), subject, role, LIFETIME);
    }

    /** {@code Bearer <token>} for the caller {@code subject} in {@code role}. */
    public static String bearer(String subject, String role) {
        return "Bearer " + forUser(subject, role);
    }

    /** A token whose claims are valid but whose signature is by a key no service trusts. */
    public static String forged(String role) {
        return TokenMinter.mint(STRANGER.getPrivate(), "test-" + role, role, LIFETIME);
    }

    /** A token signed by the right key that expired an hour ago. */
    public static String expired(String role) {
        Instant now = Instant.now();
        return TokenMinter.mint(KEYS.getPrivate(), "test-" + role, role, now.minus(Duration.ofHours(2)),
                now.minus(LIFETIME));
    }
}
