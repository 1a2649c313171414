package org.alignlab.orchestrator.goal;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.alignlab.contracts.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is asking: whose goals they may see, and the name a goal they create is owned by. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    /** The token's subject ({@code sub}), else the principal's name: what a goal's {@code owner} holds. */
    public String subject() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                && !jwt.getSubject().isBlank()) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /** Reviewers audit and operators run the platform: both read every goal; a researcher reads their own. */
    public boolean seesEveryGoal() {
        return identity.hasRole(Roles.REVIEWER) || identity.hasRole(Roles.OPERATOR);
    }

    public boolean maySee(Goal goal) {
        return seesEveryGoal() || goal.isOwnedBy(subject());
    }
}
