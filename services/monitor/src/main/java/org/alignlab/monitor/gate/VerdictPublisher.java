package org.alignlab.monitor.gate;

import jakarta.enterprise.context.ApplicationScoped;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.monitor.messaging.AckedSend;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** The one publisher of {@code monitor.verdicts}, keyed by goal id. */
@ApplicationScoped
public class VerdictPublisher {

    private final Emitter<String> emitter;

    VerdictPublisher(@Channel("monitor-verdicts") Emitter<String> emitter) {
        this.emitter = emitter;
    }

    public void publish(Verdict verdict) {
        AckedSend.send(emitter, verdict.goalId().toString(), EventCodec.encode(verdict));
    }
}
