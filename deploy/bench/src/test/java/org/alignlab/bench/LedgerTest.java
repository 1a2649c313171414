package org.alignlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private static final long MS = 1_000_000;

    @Test
    void gateActionSettlesOnlyWithVerdictAndTicketInEitherOrder() {
        Ledger ledger = new Ledger(true);
        UUID ticketFirst = UUID.randomUUID();
        UUID verdictFirst = UUID.randomUUID();
        ledger.sent(ticketFirst, 0, true);
        ledger.sent(verdictFirst, 0, true);

        ledger.completed(ticketFirst, 4 * MS);
        ledger.verdict(verdictFirst, true, 5 * MS);
        assertThat(ledger.allSettled()).isFalse();
        assertThat(ledger.settledCount()).isZero();

        ledger.verdict(ticketFirst, true, 6 * MS);
        ledger.completed(verdictFirst, 8 * MS);
        assertThat(ledger.allSettled()).isTrue();
        Delivery delivery = ledger.delivery();
        assertThat(delivery.noLoss()).isTrue();
        assertThat(delivery.noDuplicates()).isTrue();
        assertThat(delivery.sent()).isEqualTo(2);
    }

    @Test
    void countsLostDuplicatedHeldAndStrayReplies() {
        Ledger ledger = new Ledger(true);
        UUID fine = UUID.randomUUID();
        UUID twice = UUID.randomUUID();
        UUID held = UUID.randomUUID();
        UUID lost = UUID.randomUUID();
        UUID ticketWithoutVerdict = UUID.randomUUID();
        for (UUID id : new UUID[] {fine, twice, held, lost, ticketWithoutVerdict}) {
            ledger.sent(id, 0, true);
        }
        ledger.verdict(fine, true, MS);
        ledger.completed(fine, MS);
        ledger.verdict(twice, true, MS);
        ledger.verdict(twice, true, 2 * MS);
        ledger.completed(twice, MS);
        ledger.completed(twice, 2 * MS);
        ledger.verdict(held, false, MS);
        ledger.completed(ticketWithoutVerdict, MS);
        ledger.completed(UUID.randomUUID(), MS);

        Delivery d = ledger.delivery();
        assertThat(ledger.allSettled()).isFalse();
        assertThat(d.lost()).isEqualTo(2);
        assertThat(d.missingVerdicts()).isEqualTo(2);
        assertThat(d.duplicateVerdicts()).isEqualTo(1);
        assertThat(d.notAllowed()).isEqualTo(1);
        assertThat(d.missingCompletions()).isEqualTo(1);
        assertThat(d.duplicateCompletions()).isEqualTo(1);
        assertThat(d.unexpectedCompletions()).isZero();
        assertThat(d.unknown()).isEqualTo(1);
        assertThat(d.noLoss()).isFalse();
        assertThat(d.noDuplicates()).isFalse();
    }

    @Test
    void aTicketForAnActionThatWasNotAllowedIsTheWorstDuplicate() {
        Ledger ledger = new Ledger(true);
        UUID blocked = UUID.randomUUID();
        ledger.sent(blocked, 0, true);
        ledger.verdict(blocked, false, MS);
        ledger.completed(blocked, 2 * MS);

        Delivery d = ledger.delivery();
        assertThat(d.noLoss()).isTrue();
        assertThat(d.unexpectedCompletions()).isEqualTo(1);
        assertThat(d.noDuplicates()).isFalse();
    }

    @Test
    void timesOnlyMeasuredActionsFromWhenTheyWereDueAndOnlyTheirFirstReply() {
        Ledger ledger = new Ledger(false);
        UUID warmUp = UUID.randomUUID();
        UUID measured = UUID.randomUUID();
        ledger.sent(warmUp, 0, false);
        ledger.sent(measured, 10 * MS, true);
        ledger.completed(warmUp, 500 * MS);
        ledger.completed(measured, 35 * MS);
        ledger.completed(measured, 900 * MS);

        LatencySummary latency = ledger.latency();
        assertThat(latency.count()).isEqualTo(1);
        assertThat(latency.p50()).isCloseTo(25.0, within(0.05));
        assertThat(latency.max()).isCloseTo(25.0, within(0.05));
        assertThat(ledger.delivery().duplicateCompletions()).isEqualTo(1);
    }

    @Test
    void ratesRunFromTheFirstActionDueToTheLastOneSettled() {
        Ledger ledger = new Ledger(false);
        for (int i = 0; i < 4; i++) {
            UUID id = UUID.randomUUID();
            ledger.sent(id, i * 100 * MS, i >= 2);
            ledger.completed(id, (i + 1) * 250 * MS);
        }
        // 4 settled between 0 and 1 s; the 2 measured ones between 200 ms and 1 s.
        assertThat(ledger.settledPerSecond()).isCloseTo(4.0, within(1e-9));
        assertThat(ledger.measuredSettledPerSecond()).isCloseTo(2.5, within(1e-9));
        assertThat(new Ledger(false).settledPerSecond()).isNaN();
    }
}
