package org.alignlab.contracts;

import java.util.LinkedHashMap;
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
import org.alignlab.contracts.events.ResultAnomaly;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.contracts.events.RunEnvironment;
import org.alignlab.contracts.events.SeedMetrics;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.Sha256;
import org.alignlab.contracts.runner.RunnerOutput;

/**
 * One valid instance of every event and of the runner's output with every optional field set, so that a test that
 * mutates "every field" reaches each one. Values sit well inside their bounds; tests move them to the bounds.
 */
final class FullSamples {

    static final UUID PARENT = UUID.fromString("7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d");
    static final String SIGNATURE = "A".repeat(86);
    static final String KEY_ID = "0123456789abcdef";

    /** A sample and the schema file it is valid against. */
    record Sample(String name, String schemaFile, Class<?> type, Object value) {

        @Override
        public String toString() {
            return name;
        }
    }

    private FullSamples() {
    }

    static List<Sample> all() {
        return List.of(
                new Sample("RoundRequested", "RoundRequested.schema.json", RoundRequested.class, round()),
                new Sample("AgentAction (script)", "AgentAction.schema.json", AgentAction.class, scriptAction()),
                new Sample("AgentAction (family)", "AgentAction.schema.json", AgentAction.class, familyAction()),
                new Sample("Verdict", "Verdict.schema.json", Verdict.class, verdict()),
                new Sample("ExecutionTicket", "ExecutionTicket.schema.json", ExecutionTicket.class, ticket()),
                new Sample("ExperimentResult", "ExperimentResult.schema.json", ExperimentResult.class, result()),
                new Sample("Review", "Review.schema.json", Review.class, review()),
                new Sample("AuditEvent", "AuditEvent.schema.json", AuditEvent.class, auditEvent()),
                new Sample("AuditCheckpoint", "AuditCheckpoint.schema.json", AuditCheckpoint.class, checkpoint()),
                new Sample("RunnerOutput", RunnerOutput.SCHEMA_FILE, RunnerOutput.class, runnerOutput()));
    }

    static RoundRequested round() {
        return new RoundRequested(Samples.GOAL, 3, "weak-to-strong",
                "How much of the gap\ndoes a weak supervisor recover?", List.of("auxLossAlpha", "noise"),
                new Budget(4, 600, 2, 900), List.of("claim 1: ACCEPTED, effect 0.12", "action 2 blocked"));
    }

    static AgentAction scriptAction() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("label", "probe run");
        params.put("rate", 0.25);
        params.put("steps", 12);
        ExperimentSpec spec = new ExperimentSpec("script", params, List.of(1, 2, 3), Split.VALIDATION,
                new ResourceRequest(60, 512, 120), "class Main {\n\tpublic static void main(String[] a) {\n\t}\n}\n");
        return new AgentAction(Samples.ACTION, Samples.GOAL, 2, Agent.IDEATION, "script-search", ActionType.RUN_SCRIPT,
                PARENT, "a script\nwith two lines", spec, Samples.AT);
    }

    static AgentAction familyAction() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("epochs", 3);
        params.put("auxLossAlpha", 0.1);
        params.put("verbose", true);
        ExperimentSpec spec = new ExperimentSpec("weak-to-strong", params, List.of(7), Split.HELDOUT,
                new ResourceRequest(120, 1024, 300), null);
        return new AgentAction(Samples.ACTION, Samples.GOAL, 1, Agent.REVIEW, "replicate",
                ActionType.REPLICATE_EXPERIMENT, PARENT, "replicates the candidate", spec, Samples.AT);
    }

    static Verdict verdict() {
        return new Verdict(Samples.ACTION, Samples.GOAL, Decision.DEFER_TO_TRUSTED, 0.55,
                List.of(new RuleHit("encoded-blob", RuleHit.Severity.SOFT, "script: 'aGVsbG8='"),
                        new RuleHit("action-rate", RuleHit.Severity.SOFT, "7 actions\nin a minute")),
                0.4, "rules-3", "monitor", PARENT, 12, Samples.HASH, Samples.AT, KEY_ID, SIGNATURE);
    }

    static ExecutionTicket ticket() {
        return new ExecutionTicket(UUID.fromString("9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"), scriptAction(),
                Sha256.ofCanonical(scriptAction()), Decision.ALLOW, 12, Samples.HASH, Samples.AT,
                Samples.AT.plusSeconds(600), KEY_ID, SIGNATURE);
    }

    static ExperimentResult result() {
        return new ExperimentResult(Samples.ACTION, Samples.GOAL, ExperimentStatus.FAILED, "exit 1:\nout of memory",
                new LinkedHashMap<>(Map.of("pgr", 0.42, "pgr_std", 0.02)),
                List.of(new SeedMetrics(1, Map.of("pgr", 0.4)), new SeedMetrics(2, Map.of("pgr", 0.44))),
                Samples.AT, Samples.AT.plusSeconds(12), 12000, new ResourceUsage(20.5, 410),
                new RunEnvironment("abc123", "0.36.0", "2.7.1"), "epoch 1\tloss 0.3\r\nepoch 2\tloss 0.2",
                Samples.TRACE, KEY_ID, SIGNATURE);
    }

    static Review review() {
        return new Review(Samples.GOAL, Samples.ACTION, List.of(Samples.ACTION, PARENT), ReviewVerdict.ACCEPTED, 0.9,
                0.12, List.of(0.05, 0.19), 0.01, 0.03, "Candidate beats baseline.\nReplicated on heldout.",
                List.of("replicated-heldout", "result-anomalous"), List.of(PARENT),
                List.of(new ResultAnomaly(Samples.ACTION, "pgr", 0.91, 0.42, 0.03, 12, 60, 16.3)));
    }

    static AuditEvent auditEvent() {
        return new AuditEvent(UUID.fromString("1e2d3c4b-5a69-4788-9a0b-c1d2e3f40516"), Samples.GOAL, Samples.ACTION,
                AuditEventType.EXECUTION_FINISHED, "sandbox bubblewrap\nexit 0", Samples.TRACE, Samples.AT, KEY_ID,
                SIGNATURE);
    }

    static AuditCheckpoint checkpoint() {
        return new AuditCheckpoint("main", 10, Samples.HASH, 3, Samples.HASH, Samples.AT, KEY_ID, SIGNATURE);
    }

    static RunnerOutput runnerOutput() {
        return new RunnerOutput(new LinkedHashMap<>(Map.of("gold_peak", 1.5, "gold_peak_std", 0.1)),
                List.of(new SeedMetrics(1, Map.of("gold_peak", 1.4)), new SeedMetrics(2, Map.of("gold_peak", 1.6))),
                new RunEnvironment("abc123", "0.36.0", "2.7.1"));
    }
}
