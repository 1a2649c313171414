package org.alignlab.executor.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.TicketVerifier;
import org.alignlab.executor.execution.ResultFactory;
import org.alignlab.executor.sandbox.BubblewrapSandbox;
import org.alignlab.executor.sandbox.Sandbox;
import org.alignlab.executor.ticket.TicketCheck;
import org.alignlab.executor.ticket.UsedTicketRepository;

/** Wires the plain classes (testable without Quarkus) from configuration. */
public class ExecutorBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Built at start, so a missing or malformed monitor key stops the service instead of its first ticket. */
    @Produces
    @Singleton
    @Startup
    TicketCheck ticketCheck(ExecutorConfig config, Clock clock, UsedTicketRepository ledger) {
        return new TicketCheck(new TicketVerifier(Ed25519.decodePublic(config.monitorPublicKey())), clock, ledger);
    }

    @Produces
    @Singleton
    Sandbox sandbox(ExecutorConfig config) {
        return new BubblewrapSandbox(new BubblewrapSandbox.Settings(config.resolvedJavaHome(),
                config.experimentsJar().toAbsolutePath(), config.djlCacheDir().toAbsolutePath(),
                config.resolvedWorkRoot(), config.maxLogBytes(), config.maxOutputBytes()));
    }

    @Produces
    @Singleton
    ResultFactory resultFactory(ExecutorConfig config) {
        return new ResultFactory(config.djlCacheDir(), config.logTailBytes());
    }
}
