package org.alignlab.testing;

import org.alignlab.contracts.security.Roles;

/**
 * Everyone who may knock on an endpoint in an endpoint × role test: nobody in particular, a bearer of a token no
 * service accepts, and a valid token of each role.
 */
public enum TestCaller {
    ANONYMOUS(null),
    FORGED_TOKEN(null),
    EXPIRED_TOKEN(null),
    RESEARCHER(Roles.RESEARCHER),
    REVIEWER(Roles.REVIEWER),
    OPERATOR(Roles.OPERATOR),
    SERVICE(Roles.SERVICE);

    private final String role;

    TestCaller(String role) {
        this.role = role;
    }

    /** The role of a valid token; null for the callers without one. */
    public String role() {
        return role;
    }

    /** The {@code Authorization} header this caller sends; null when it sends none. */
    public String authorization() {
        return switch (this) {
            case ANONYMOUS -> null;
            case FORGED_TOKEN -> "Bearer " + TestTokens.forged(Roles.OPERATOR);
            case EXPIRED_TOKEN -> "Bearer " + TestTokens.expired(Roles.OPERATOR);
            default -> TestTokens.bearer(role);
        };
    }
}
