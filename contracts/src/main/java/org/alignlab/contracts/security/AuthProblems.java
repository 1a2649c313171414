package org.alignlab.contracts.security;

import org.alignlab.contracts.problem.Problem;

/**
 * The problem documents of a refused request, the same in every service: 401 when the caller brought no valid
 * token, 403 when the token's role may not do this. The details say which, never why a token was invalid.
 */
public final class AuthProblems {

    public static final String UNAUTHORIZED = Problem.TYPE_BASE + "unauthorized";
    public static final String FORBIDDEN = Problem.TYPE_BASE + "forbidden";

    /** The {@code WWW-Authenticate} challenge that goes with a 401 (RFC 6750). */
    public static final String BEARER_CHALLENGE = "Bearer";

    private AuthProblems() {
    }

    public static Problem unauthorized() {
        return new Problem(UNAUTHORIZED, "Unauthorized", 401, "a valid bearer token is required", null);
    }

    public static Problem forbidden() {
        return new Problem(FORBIDDEN, "Forbidden", 403, "the token's role may not do this", null);
    }
}
