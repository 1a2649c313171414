package org.alignlab.monitor.model;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.Split;
import org.alignlab.monitor.config.MonitorConfig;
import org.jboss.logging.Logger;

/**
 * Asks the trusted model about a harmless action as soon as the monitor starts, until it answers. The first
 * requests through a cold monitor and a cold inference service (connections, token checks, JSON, the JIT) took
 * longer than the gate's timeout on a busy machine, so the first goal's actions were all held as
 * {@code trusted-model-unavailable}. Its own client ({@code client="warm-up"}), so the gate's unavailability
 * alert counts only the gate's requests.
 */
@ApplicationScoped
public class TrustedModelWarmUp {

    private static final Logger LOG = Logger.getLogger(TrustedModelWarmUp.class);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);
    private static final Duration BETWEEN_TRIES = Duration.ofSeconds(2);

    void onStart(@Observes StartupEvent start, MonitorConfig config, MeterRegistry meters) {
        if (!config.trustedModel().enabled()) {
            return;
        }
        TrustedModel model = new HttpTrustedModel(config.trustedModel(), meters, "warm-up");
        Thread thread = new Thread(() -> warmUp(model, BETWEEN_TRIES, GIVE_UP_AFTER), "trusted-model-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    static boolean warmUp(TrustedModel model, Duration betweenTries, Duration giveUpAfter) {
        Instant giveUp = Instant.now().plus(giveUpAfter);
        int tries = 0;
        while (Instant.now().isBefore(giveUp)) {
            tries++;
            if (model.scoreAll(List.of(harmlessAction())).get(0).scored()) {
                LOG.infof("the trusted model answered after %d tries", tries);
                return true;
            }
            try {
                Thread.sleep(betweenTries.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        LOG.warnf("the trusted model gave no answer within %s of start; actions are held until it does", giveUpAfter);
        return false;
    }

    private static AgentAction harmlessAction() {
        ExperimentSpec spec = new ExperimentSpec("weak-to-strong", Map.of(), List.of(1), Split.VALIDATION,
                new ResourceRequest(60, 512, 120), null);
        return new AgentAction(UUID.randomUUID(), UUID.randomUUID(), 1, Agent.IDEATION, "warm-up",
                ActionType.RUN_EXPERIMENT, null, "the monitor's warm-up request", spec, Instant.now());
    }
}
