package org.alignlab.executor.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.alignlab.contracts.audit.ChainEntry;
import org.alignlab.contracts.audit.ChainLink;
import org.alignlab.contracts.audit.ChainVerification;
import org.alignlab.contracts.audit.ChainVerifier;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.TicketSigner;
import org.alignlab.contracts.crypto.TicketVerifier;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.AuditEventType;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.json.Sha256;
import org.alignlab.executor.protocol.SimulatedExecutor.Refusal;
import org.alignlab.executor.ticket.MonitorAuditRecord;
import org.alignlab.executor.ticket.TicketCheck.Rejection;

/**
 * One run of the gate: a few agent actions, the monitor, the relay, the {@code execution.tickets} topic, the
 * executor and an attacker who can write to the topic. Each step method is one thing that can happen; the
 * {@code assert*} methods are the protocol's invariants.
 */
final class ProtocolModel {

    static final int ACTIONS = 4;
    static final Duration TICKET_LIFETIME = Duration.ofMinutes(5);

    // Real Ed25519 keys, made once: the JDK's Ed25519 is the bulk of a run's cost, and every run starts fresh anyway.
    private static final KeyPair MONITOR_KEYS = Ed25519.generate();
    private static final TicketSigner MONITOR = new TicketSigner(MONITOR_KEYS);
    private static final TicketSigner ATTACKER = new TicketSigner(Ed25519.generate());
    /** What a reviewer's verifier holds: the monitor's public key, which every record must be signed with. */
    private static final TicketVerifier MONITOR_KEY = new TicketVerifier(MONITOR_KEYS.getPublic());

    private final ModelClock clock = new ModelClock();
    private final SimulatedMonitor monitor = new SimulatedMonitor(MONITOR, clock, TICKET_LIFETIME);
    private final SimulatedExecutor executor = new SimulatedExecutor(MONITOR_KEYS.getPublic(), clock, monitor);
    private final List<AgentAction> actions = IntStream.range(0, ACTIONS).mapToObj(i -> action()).toList();
    private final List<ExecutionTicket> ticketsTopic = new ArrayList<>();
    private final List<ExecutionTicket> forged = new ArrayList<>();
    private final ChainVerifier chainVerifier = new ChainVerifier(SimulatedMonitor.CHAIN, MONITOR_KEY);
    private int verifiedRecords;

    // The monitor.

    void deliver(int action, Decision decision, boolean crashBeforeCommit) {
        monitor.deliver(actions.get(action), decision, crashBeforeCommit);
    }

    List<AgentAction> held() {
        return actions.stream().filter(action -> monitor.isHeld(action.id())).toList();
    }

    void review(AgentAction held, boolean approve, boolean crashBeforeCommit) {
        monitor.review(held, approve, crashBeforeCommit);
    }

    void setMonitorReachable(boolean reachable) {
        monitor.setReachable(reachable);
    }

    // The relay: outbox to topic, marking the row sent only after the publish.

    boolean hasUnsent() {
        return monitor.nextUnsent().isPresent();
    }

    void relay(boolean crashAfterPublish) {
        SimulatedMonitor.OutboxRow row = monitor.nextUnsent().orElseThrow();
        ticketsTopic.add(row.ticket);
        row.sent = !crashAfterPublish;
    }

    // The executor.

    boolean executorHasNext() {
        return executor.hasNext(ticketsTopic);
    }

    void consume(SimulatedExecutor.Crash crash, boolean commitOffset) {
        executor.consumeNext(ticketsTopic, crash, commitOffset);
    }

    boolean executorIsDown() {
        return !executor.isUp();
    }

    void restartExecutor() {
        executor.restart();
    }

    void rebalance() {
        executor.rebalance();
    }

    void advanceTime(Duration by) {
        clock.advance(by);
    }

    // The attacker: may publish anything to the topic, but holds no monitor key.

    /**
     * A ticket for one of the actions signed with the attacker's key, naming it or the monitor's key id. The audit
     * log is no secret, so it quotes the committed approval of that action when there is one: only the signature
     * stops it.
     */
    void forgeWithOwnKey(int action, boolean claimMonitorsKeyId) {
        AgentAction target = actions.get(action);
        ChainLink approval = monitor.chain().stream()
                .filter(link -> isApproval(link.entry()) && link.entry().actionId().equals(target.id()))
                .findFirst().orElse(null);
        ExecutionTicket forgery = ATTACKER.sign(new ExecutionTicket(UUID.randomUUID(), target,
                Sha256.ofCanonical(target), Decision.ALLOW, approval == null ? 1 : approval.entry().seq(),
                approval == null ? Sha256.hex(new byte[0]) : approval.hash(),
                clock.instant(), clock.instant().plus(TICKET_LIFETIME), ATTACKER.keyId(), null));
        if (claimMonitorsKeyId) {
            forgery = new ExecutionTicket(forgery.ticketId(), forgery.action(), forgery.contentHash(),
                    forgery.decision(),
                    forgery.auditSeq(), forgery.auditHash(), forgery.issuedAt(), forgery.expiresAt(),
                    MONITOR.keyId(), forgery.signature());
        }
        publishForgery(forgery);
    }

    List<ExecutionTicket> genuineOnTopic() {
        List<ExecutionTicket> issued = monitor.issued();
        return ticketsTopic.stream().filter(issued::contains).distinct().toList();
    }

    /** A real ticket with its action replaced: another action, or its own with a different spec. */
    void swapAction(ExecutionTicket real, int action, boolean sameIdOtherSpec) {
        AgentAction other = actions.get(action);
        AgentAction replacement = sameIdOtherSpec || other.equals(real.action())
                ? withSeeds(real.action(), List.of(666))
                : other;
        publishForgery(
                new ExecutionTicket(real.ticketId(), replacement, real.contentHash(), real.decision(), real.auditSeq(),
                        real.auditHash(), real.issuedAt(), real.expiresAt(), real.keyId(), real.signature()));
    }

    List<ExecutionTicket> lostInCrashes() {
        return monitor.lostInCrashes();
    }

    /**
     * Publishes a ticket the monitor signed inside a transaction that never committed. Its signature is real;
     * only the audit record check can tell it was never approved.
     */
    void replayLost(ExecutionTicket lost) {
        ticketsTopic.add(lost);
    }

    private void publishForgery(ExecutionTicket forgery) {
        forged.add(forgery);
        ticketsTopic.add(forgery);
    }

    // Invariants, checked after every step.

    /**
     * Walks the records committed since the last check on with one streaming {@link ChainVerifier}: committed
     * records never change here, so this is the whole chain's verification without re-hashing it every step.
     */
    void assertChainVerifies() {
        List<ChainLink> chain = monitor.chain();
        chain.subList(verifiedRecords, chain.size()).forEach(chainVerifier::accept);
        verifiedRecords = chain.size();
        ChainVerification verification = chainVerifier.result();
        assertThat(verification.verified()).as("chain verifies: %s", verification.firstBroken()).isTrue();
    }

    /**
     * Every EXECUTION_STARTED in the chain follows a committed VERDICT or HUMAN_DECISION that allowed exactly
     * the action that ran (same id, same payload hash).
     */
    void assertEveryStartFollowsACommittedApproval() {
        List<ChainEntry> entries = monitor.chain().stream().map(ChainLink::entry).toList();
        List<ChainEntry> starts = entries.stream().filter(ProtocolModel::isStart).toList();
        for (ChainEntry start : starts) {
            boolean approved = entries.stream().anyMatch(approval -> approval.seq() < start.seq()
                    && isApproval(approval)
                    && approval.actionId().equals(start.actionId())
                    && approval.payloadHash().equals(start.payloadHash()));
            assertThat(approved).as("EXECUTION_STARTED at seq %d of action %s follows an ALLOW of that action",
                    start.seq(), start.actionId()).isTrue();
        }
        assertThat(starts).as("every run is in the chain").hasSameSizeAs(executor.started());
    }

    void assertNothingStartsTwice() {
        List<ExecutionTicket> started = executor.started();
        assertThat(started).extracting(ExecutionTicket::ticketId).doesNotHaveDuplicates();
        assertThat(started).extracting(ticket -> ticket.action().id()).doesNotHaveDuplicates();
    }

    void assertNoForgeryStarts() {
        assertThat(executor.started()).as("forged tickets that ran").filteredOn(forged::contains).isEmpty();
    }

    // After the run: let everything in flight settle, then check that genuine approvals were not lost.

    /** The whole chain walked from its first record, as a reviewer's verifier would. */
    void assertWholeChainVerifies() {
        ChainVerification verification = ChainVerifier.verify(SimulatedMonitor.CHAIN, MONITOR_KEY, monitor.chain());
        assertThat(verification.verified()).as("chain verifies: %s", verification.firstBroken()).isTrue();
        assertThat(verification.records()).isEqualTo(monitor.chain().size());
    }

    /** The monitor answers, the executor is up, the relay empties the outbox and the executor the topic. */
    void drain() {
        monitor.setReachable(true);
        if (executorIsDown()) {
            executor.restart();
        }
        while (hasUnsent()) {
            relay(false);
        }
        while (executorHasNext()) {
            consume(SimulatedExecutor.Crash.NONE, true);
        }
    }

    /**
     * Safety alone would hold for an executor that runs nothing: every committed approval must have run, unless
     * the executor crashed between claiming and running it (at most once, by design) or its ticket expired. A
     * genuine ticket is refused only as expired or replayed.
     */
    void assertEveryApprovalRanUnlessLostToACrashOrExpiry() {
        Set<UUID> ran = ids(executor.started());
        Set<UUID> lostToCrash = ids(executor.claimedNeverRan());
        List<ExecutionTicket> issued = monitor.issued();
        Map<UUID, Set<Rejection.Kind>> genuineRefusals = executor.refusals().stream()
                .filter(refusal -> issued.contains(refusal.ticket()))
                .collect(Collectors.groupingBy(refusal -> refusal.ticket().action().id(),
                        Collectors.mapping(Refusal::kind, Collectors.toSet())));
        genuineRefusals.values().forEach(kinds -> assertThat(kinds).as("refusals of genuine tickets")
                .isSubsetOf(Rejection.Kind.EXPIRED, Rejection.Kind.REPLAYED));
        for (ChainLink link : monitor.chain()) {
            ChainEntry entry = link.entry();
            if (isApproval(entry) && !ran.contains(entry.actionId()) && !lostToCrash.contains(entry.actionId())) {
                assertThat(genuineRefusals.getOrDefault(entry.actionId(), Set.of()))
                        .as("approved action %s neither ran nor expired", entry.actionId())
                        .contains(Rejection.Kind.EXPIRED);
            }
        }
    }

    // For the coverage checks.

    int runs() {
        return executor.started().size();
    }

    long refusals(Rejection.Kind kind) {
        return executor.refusals().stream().filter(refusal -> refusal.kind() == kind).count();
    }

    private static boolean isApproval(ChainEntry entry) {
        return (entry.type().equals(MonitorAuditRecord.VERDICT)
                || entry.type().equals(MonitorAuditRecord.HUMAN_DECISION))
                && Decision.ALLOW.name().equals(entry.decision());
    }

    private static boolean isStart(ChainEntry entry) {
        return entry.type().equals(AuditEventType.EXECUTION_STARTED.name());
    }

    private static Set<UUID> ids(List<ExecutionTicket> tickets) {
        return tickets.stream().map(ticket -> ticket.action().id()).collect(Collectors.toSet());
    }

    private AgentAction action() {
        ExperimentSpec spec = new ExperimentSpec("linear-probe", Map.of("layers", 2), List.of(1, 2),
                Split.VALIDATION, new ResourceRequest(60, 512, 120), null);
        return new AgentAction(UUID.randomUUID(), UUID.randomUUID(), 1, Agent.IDEATION, "search",
                ActionType.RUN_EXPERIMENT, null, null, spec, clock.instant());
    }

    private static AgentAction withSeeds(AgentAction action, List<Integer> seeds) {
        ExperimentSpec spec = action.spec();
        return new AgentAction(action.id(), action.goalId(), action.round(), action.agent(), action.policy(),
                action.type(), action.parentActionId(), action.hypothesis(), new ExperimentSpec(spec.family(),
                        spec.params(), seeds, spec.split(), spec.resources(), spec.script()),
                action.createdAt());
    }
}
