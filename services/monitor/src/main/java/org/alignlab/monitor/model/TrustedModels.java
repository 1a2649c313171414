package org.alignlab.monitor.model;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.alignlab.monitor.config.MonitorConfig;

/**
 * The two clients of the trusted model: the gate's, and control evaluation's. Each has its own request slots, so an
 * operator's evaluation (hundreds of actions at once, or a malformed set) can never starve the live gate, and each
 * counts its own failures ({@code client} tag), so the gate's alert does not fire for an evaluation's.
 */
public class TrustedModels {

    @Produces
    @Singleton
    @Default
    TrustedModel gate(MonitorConfig config, MeterRegistry meters) {
        return new HttpTrustedModel(config.trustedModel(), meters, "gate");
    }

    @Produces
    @Singleton
    @ForEvaluation
    TrustedModel evaluation(MonitorConfig config, MeterRegistry meters) {
        return new HttpTrustedModel(config.trustedModel(), meters, "evaluation");
    }
}
