package org.alignlab.monitor.holds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.Optional;
import java.util.UUID;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;
import org.alignlab.monitor.audit.AuditLog;

/**
 * A reviewer's approval or denial of a held action, in one transaction: the hold row is locked first, so of two
 * reviewers (or a reviewer and the review timeout) deciding at once, exactly one ends the hold. An approval
 * releases only the content the reviewer approved ({@link ApprovedContent}).
 */
@ApplicationScoped
class ReviewerDecisions {

    /** What a reviewer can decide about a held action. */
    enum Choice {
        APPROVE(Decision.ALLOW, HeldAction.Status.APPROVED),
        DENY(Decision.BLOCK, HeldAction.Status.DENIED);

        final Decision decision;
        final HeldAction.Status status;

        Choice(Decision decision, HeldAction.Status status) {
            this.decision = decision;
            this.status = status;
        }
    }

    /** The hold was already ended by someone else, or by the review timeout. */
    static class HoldClosedException extends RuntimeException {

        HoldClosedException(UUID actionId, HeldAction.Status status) {
            super("action " + actionId + " is no longer held: " + status);
        }
    }

    @Inject
    HeldActionRepository holds;
    @Inject
    HoldResolver resolver;
    @Inject
    ApprovedContent content;

    /**
     * @param approvedHash the content hash the reviewer approved; required for APPROVE, unused for DENY
     * @param reviewer     the verdict's {@code decidedBy} and the record's actor, {@code reviewer:<name>}
     * @throws ContentChangedException when an approval is refused; its audit record commits, the hold stays open
     */
    @Transactional(dontRollbackOn = ContentChangedException.class)
    HoldResolver.Resolved decide(UUID actionId, Choice choice, String approvedHash, String reason, String reviewer) {
        HeldAction hold = holds.lockForDecision(actionId)
                .orElseThrow(() -> new NotFoundException("action " + actionId + " was never held"));
        if (hold.status() != HeldAction.Status.HELD) {
            throw new HoldClosedException(actionId, hold.status());
        }
        AgentAction action = resolver.action(hold);
        if (choice == Choice.APPROVE) {
            content.require(hold, action, approvedHash, reviewer, resolver.traceId(hold));
        }
        // The action checked is the one audited and signed: its hash is the approved hash from here on.
        return resolver.resolve(hold, action, new HoldResolver.Resolution(choice.status, choice.decision,
                AuditLog.HUMAN_DECISION, reviewer, reviewer, reason, Optional.empty()));
    }
}
