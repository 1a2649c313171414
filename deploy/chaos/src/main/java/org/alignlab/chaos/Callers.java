package org.alignlab.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.alignlab.contracts.security.Roles;
import org.alignlab.infra.TokenMinter;
import org.alignlab.launcher.LocalTokens;
import org.alignlab.launcher.Service;

/**
 * Who the REST fuzzer calls as: every role the platform knows, nobody, and two tokens no service may accept (one
 * signed with a key of the fuzzer's own, one of the stack's own key that has expired).
 */
final class Callers {

    static final String NONE = "no-token";

    private Callers() {
    }

    /** Token by caller name; {@link #NONE} maps to null. */
    static Map<String, String> all(ChaosStack stack) throws IOException {
        LocalTokens tokens = stack.tokens();
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put(Roles.RESEARCHER, tokens.forPerson(Roles.RESEARCHER));
        callers.put(Roles.REVIEWER, tokens.forPerson(Roles.REVIEWER));
        callers.put(Roles.OPERATOR, tokens.forPerson(Roles.OPERATOR));
        callers.put(Roles.SERVICE, tokens.forService(Service.EXECUTOR));
        callers.put(NONE, null);
        callers.put("forged", TokenMinter.mint(TokenMinter.generateKeyPair().getPrivate(), "forger", Roles.OPERATOR,
                Duration.ofHours(1)));
        var key = TokenMinter
                .decodePrivate(Files.readString(stack.runDir().keys().resolve("token-signing.key")).strip());
        callers.put("expired", TokenMinter.mint(key, "local-operator", Roles.OPERATOR,
                Instant.now().minus(Duration.ofHours(2)), Instant.now().minus(Duration.ofHours(1))));
        return callers;
    }
}
