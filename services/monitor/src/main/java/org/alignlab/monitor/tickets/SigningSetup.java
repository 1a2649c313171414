package org.alignlab.monitor.tickets;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.alignlab.monitor.config.MonitorConfig;

/** Loads the signing keys at startup, so a missing or mismatched key stops the service before it consumes. */
public class SigningSetup {

    @Produces
    @Singleton
    @Startup
    SigningKeys signingKeys(MonitorConfig config) {
        return SigningKeys.decode(config.signingKey(), config.signingPublicKey());
    }
}
