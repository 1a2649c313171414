package org.alignlab.monitor.holds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.json.Sha256;
import org.alignlab.monitor.audit.AuditFacts;
import org.alignlab.monitor.audit.AuditLog;
import org.alignlab.monitor.audit.AuditRecordRepository;
import org.alignlab.monitor.gate.ActionGate;

/**
 * Binds an approval to content. The stored action is what gets signed, and anyone who can write the database can
 * change it; so it must still hash to the hash the reviewer approved and to the payload hash of the hold's own
 * ACTION_PROPOSED record, which the chain and its signed checkpoints protect.
 */
@ApplicationScoped
class ApprovedContent {

    @Inject
    AuditRecordRepository records;
    @Inject
    AuditLog auditLog;

    /**
     * Passes when {@code stored} is the content proposed for {@code hold} and approved as {@code approvedHash}.
     *
     * @throws ContentChangedException after appending an {@link AuditLog#APPROVAL_REFUSED} record saying what
     *                                 differs, which the caller's transaction must still commit (so this
     *                                 method has no transactional interceptor of its own to roll it back)
     */
    void require(HeldAction hold, AgentAction stored, String approvedHash, String reviewer, String traceId) {
        String storedHash = Sha256.ofCanonical(stored);
        // Looked up by the hold's id, not the payload's: a row swapped for another proposed action carries that
        // action's id, and would match that action's own record.
        String proposedHash = records.proposalOf(hold.actionId()).map(r -> r.link().entry().payloadHash())
                .orElse(null);
        if (storedHash.equals(approvedHash) && storedHash.equals(proposedHash)) {
            return;
        }
        String detail = "approval refused, nothing was signed: the stored action hashes to " + storedHash
                + ", the reviewer approved " + approvedHash + ", and the ACTION_PROPOSED record "
                + (proposedHash == null ? "is missing" : "has " + proposedHash);
        auditLog.append(new AuditFacts(AuditLog.APPROVAL_REFUSED, hold.goalId(), hold.actionId(),
                ActionGate.agentName(stored), reviewer, traceId, storedHash, null, null, null, null, detail));
        throw new ContentChangedException(hold.actionId(), detail);
    }
}
