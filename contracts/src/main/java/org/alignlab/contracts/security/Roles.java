package org.alignlab.contracts.security;

/**
 * The roles a bearer token can carry (its {@code groups} claim) and the issuer every service trusts. Services name
 * these in {@code @RolesAllowed} and in their HTTP permission policies; the launcher and tests mint tokens with them.
 */
public final class Roles {

    /** Submits goals, follows them and reads reports. */
    public static final String RESEARCHER = "researcher";
    /** Audits runs, decides held actions and verifies the audit log. */
    public static final String REVIEWER = "reviewer";
    /** Runs the platform: metrics, OpenAPI, anything operational. */
    public static final String OPERATOR = "operator";
    /** Another AlignLab service calling over HTTP (monitor to inference, executor to monitor); never a person. */
    public static final String SERVICE = "service";

    /** The {@code iss} claim of every AlignLab token ({@code mp.jwt.verify.issuer}). */
    public static final String ISSUER = "alignlab";

    private Roles() {
    }
}
