package org.alignlab.monitor.holds;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.Json;
import org.alignlab.contracts.json.Sha256;
import org.alignlab.monitor.audit.AuditRecordRepository;
import org.alignlab.monitor.audit.AuditRecordResponse;
import org.alignlab.monitor.gate.ActionRecord;
import org.alignlab.monitor.gate.ActionRecordRepository;
import org.alignlab.monitor.gate.StoredVerdict;
import org.alignlab.monitor.gate.VerdictRepository;

/** Assembles a reviewer's view of one decided action from what the gate stored and the audit chain. */
@ApplicationScoped
class ActionDetails {

    @Inject
    ActionRecordRepository actions;
    @Inject
    VerdictRepository verdicts;
    @Inject
    HeldActionRepository holds;
    @Inject
    AuditRecordRepository records;

    /** Empty when the gate never decided the action. */
    @Transactional
    Optional<ActionDetailResponse> of(UUID actionId) {
        Optional<ActionRecord> action = actions.findByIdOptional(actionId);
        Optional<StoredVerdict> stored = verdicts.findByIdOptional(actionId);
        if (action.isEmpty() || stored.isEmpty()) {
            return Optional.empty();
        }
        Verdict verdict = stored.get().verdict();
        List<AuditRecordResponse> timeline = records.about(actionId, null).stream().map(AuditRecordResponse::of)
                .toList();
        AuditRecordResponse verdictRecord = timeline.stream().filter(r -> r.seq() == verdict.auditSeq())
                .findFirst().orElseThrow(() -> new IllegalStateException("the VERDICT record " + verdict.auditSeq()
                        + " of action " + actionId + " is missing from the chain"));
        JsonNode decidedFrom = Json.parse(verdictRecord.detail());
        AgentAction shown = action.get().action();
        return Optional.of(new ActionDetailResponse(shown, Sha256.ofCanonical(shown),
                ActionDetailResponse.GateVerdict.of(verdict, decidedFrom), verdictRecord.traceId(),
                holds.findByIdOptional(actionId).map(ActionDetailResponse.Hold::of).orElse(null), timeline));
    }
}
