package org.alignlab.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.AuditCheckpoint;
import org.alignlab.contracts.events.AuditEvent;
import org.alignlab.contracts.events.AuditEventType;
import org.alignlab.contracts.events.Budget;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.ResourceUsage;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.contracts.events.RunEnvironment;
import org.alignlab.contracts.events.SeedMetrics;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.Sha256;

/** One valid instance of every event, for tests. */
final class Samples {

    static final UUID GOAL = UUID.fromString("0b7f3c1e-8a5d-4c2b-9e61-3f2a1d0c9b8a");
    static final UUID ACTION = UUID.fromString("5c2d9e4f-1b3a-4d6c-8e7f-9a0b1c2d3e4f");
    static final Instant AT = Instant.parse("2026-11-26T20:00:00.123456Z");
    static final String HASH = "a".repeat(64);
    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private Samples() {
    }

    static ExperimentSpec spec() {
        return new ExperimentSpec("weak-to-strong", Map.of("epochs", 3, "hidden", 64), List.of(1, 2),
                Split.VALIDATION, new ResourceRequest(120, 1024, 300), null);
    }

    static AgentAction action() {
        return new AgentAction(ACTION, GOAL, 1, Agent.IDEATION, "default-spec", ActionType.RUN_EXPERIMENT, null,
                "the default configuration recovers part of the gap", spec(), AT);
    }

    static Verdict verdict() {
        return new Verdict(ACTION, GOAL, Decision.ALLOW, 0.05,
                List.of(new RuleHit("known-family", RuleHit.Severity.SOFT, "ok")), null, "skeleton-1", "monitor",
                null, 2, HASH, AT, null, null);
    }

    static ExecutionTicket unsignedTicket(String keyId) {
        return new ExecutionTicket(UUID.fromString("9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"), action(),
                Sha256.ofCanonical(action()), Decision.ALLOW, 2, HASH, AT, AT.plusSeconds(600), keyId, null);
    }

    static ExperimentResult result() {
        return new ExperimentResult(ACTION, GOAL, ExperimentStatus.SUCCEEDED, null, Map.of("pgr", 0.42),
                List.of(new SeedMetrics(1, Map.of("pgr", 0.4)), new SeedMetrics(2, Map.of("pgr", 0.44))), AT,
                AT.plusSeconds(12), 12000, new ResourceUsage(20.5, 410), new RunEnvironment("abc123", "0.36.0",
                        "2.7.1"),
                "done", TRACE, null, null);
    }

    static Review review() {
        return new Review(GOAL, ACTION, List.of(ACTION), ReviewVerdict.INCONCLUSIVE, 0.5, null, null, null, null,
                "one run; nothing to compare", List.of("single-run"));
    }

    static RoundRequested round() {
        return new RoundRequested(GOAL, 1, "weak-to-strong", "How much of the gap does a weak supervisor recover?",
                new Budget(4, 600, 1, 900), List.of());
    }

    static AuditEvent auditEvent() {
        return new AuditEvent(UUID.fromString("1e2d3c4b-5a69-4788-9a0b-c1d2e3f40516"), GOAL, ACTION,
                AuditEventType.EXECUTION_STARTED, "sandbox bubblewrap", TRACE, AT, "0123456789abcdef", "A".repeat(86));
    }

    static AuditCheckpoint unsignedCheckpoint(String keyId) {
        return new AuditCheckpoint("main", 10, HASH, 1, AuditCheckpoint.GENESIS, AT, keyId, null);
    }
}
