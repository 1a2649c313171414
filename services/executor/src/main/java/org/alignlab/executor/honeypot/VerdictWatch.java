package org.alignlab.executor.honeypot;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.platform.messaging.ConsumerFailurePolicy;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads every verdict on {@code monitor.verdicts} (only the monitor may write there) to learn what the gate did with
 * each honeypot; verdicts on other actions are passed over.
 */
@ApplicationScoped
public class VerdictWatch {

    private static final Logger LOG = Logger.getLogger(VerdictWatch.class);

    @Inject
    HoneypotLedger ledger;
    @Inject
    ConsumerFailurePolicy failures;

    @Incoming("monitor-verdicts")
    @Blocking
    public void onVerdict(String payload) {
        failures.consume(Topics.MONITOR_VERDICTS, payload, Verdict.class, verdict -> {
            if (ledger.recordVerdict(verdict.actionId(), verdict.decision())) {
                LOG.infof("honeypot %s: the gate decided %s", verdict.actionId(), verdict.decision());
            }
        });
    }
}
