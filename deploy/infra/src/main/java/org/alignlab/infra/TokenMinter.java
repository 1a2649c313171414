package org.alignlab.infra;

import io.smallrye.jwt.build.Jwt;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.alignlab.contracts.security.Roles;

/**
 * Mints AlignLab bearer tokens: RS256 JWTs issued by {@link Roles#ISSUER}, naming their holder in {@code upn} and
 * {@code sub} and their one role in {@code groups}. The launcher mints a local stack's tokens with it, tests theirs
 * through {@link TestTokens}. Keys travel as base64 (PKCS#8 private, X.509 public), which is what services accept
 * in {@code mp.jwt.verify.publickey}.
 */
public final class TokenMinter {

    private TokenMinter() {
    }

    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate RSA keys", e);
        }
    }

    /** A token for {@code name} in {@code role}, valid from now for {@code lifetime}. */
    public static String mint(PrivateKey key, String name, String role, Duration lifetime) {
        Instant now = Instant.now();
        return mint(key, name, role, now, now.plus(lifetime));
    }

    /** A token valid from {@code issuedAt} until {@code expiresAt}; tests use it to make expired ones. */
    public static String mint(PrivateKey key, String name, String role, Instant issuedAt, Instant expiresAt) {
        return Jwt.issuer(Roles.ISSUER)
                .upn(name)
                .subject(name)
                .groups(Set.of(role))
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .sign(key);
    }

    public static String encode(Key key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static PrivateKey decodePrivate(String base64) {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 PKCS#8 RSA private key", e);
        }
    }

    public static PublicKey decodePublic(String base64) {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 X.509 RSA public key", e);
        }
    }
}
