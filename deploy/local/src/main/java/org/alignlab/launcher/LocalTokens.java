package org.alignlab.launcher;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignlab.contracts.security.Roles;
import org.alignlab.infra.TokenMinter;

/**
 * The bearer tokens of a local stack and the RSA pair that signs them, generated once per run directory (next to
 * the monitor's signing keys) so tokens handed out earlier stay valid across restarts. Every service verifies with
 * {@link #publicKey()}; the private key never leaves the launcher.
 */
public final class LocalTokens {

    /** How long a person's token lasts; {@code alignlab up} hands out fresh ones. */
    public static final Duration PERSON_LIFETIME = Duration.ofHours(12);
    /**
     * How long a service's token lasts. Long, because the local stack has no token refresh: a service keeps the
     * token it was started with, and a shorter one would lock the monitor out of inference mid-run.
     */
    public static final Duration SERVICE_LIFETIME = Duration.ofDays(30);

    /** The roles people hold, in the order {@code alignlab.env} lists their tokens. */
    public static final List<String> PERSON_ROLES = List.of(Roles.RESEARCHER, Roles.REVIEWER, Roles.OPERATOR);

    private final PrivateKey privateKey;
    private final String publicKey;

    private LocalTokens(PrivateKey privateKey, String publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static LocalTokens loadOrCreate(RunDir runDir) throws IOException {
        KeyFiles.EncodedPair pair = KeyFiles.loadOrCreate(runDir, "token-signing", () -> {
            KeyPair generated = TokenMinter.generateKeyPair();
            return new KeyFiles.EncodedPair(TokenMinter.encode(generated.getPrivate()),
                    TokenMinter.encode(generated.getPublic()));
        });
        return new LocalTokens(TokenMinter.decodePrivate(pair.privateKey()), pair.publicKey());
    }

    /** Base64 X.509, as services read {@code MP_JWT_VERIFY_PUBLICKEY}. */
    public String publicKey() {
        return publicKey;
    }

    /** A token for the local person holding {@code role}, named {@code local-<role>}. */
    public String forPerson(String role) {
        return TokenMinter.mint(privateKey, "local-" + role, role, PERSON_LIFETIME);
    }

    /** A token of {@code role} for a named person: for a run that acts as several researchers at once. */
    public String forPerson(String role, String subject) {
        return TokenMinter.mint(privateKey, subject, role, PERSON_LIFETIME);
    }

    /** One fresh token per person role, by role. */
    public Map<String, String> forPeople() {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : PERSON_ROLES) {
            tokens.put(role, forPerson(role));
        }
        return tokens;
    }

    /** A token with role {@code service} naming the service that calls with it. */
    public String forService(Service caller) {
        return TokenMinter.mint(privateKey, caller.id(), Roles.SERVICE, SERVICE_LIFETIME);
    }
}
