package org.alignlab.executor.sandbox;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.alignlab.sandbox.Sandbox;
import org.jboss.logging.Logger;

/** Says at start whether runs are possible here, so an operator learns it before the first refused ticket. */
@ApplicationScoped
public class SandboxStartupCheck {

    private static final Logger LOG = Logger.getLogger(SandboxStartupCheck.class);

    void onStart(@Observes StartupEvent event, Sandbox sandbox) {
        sandbox.whyUnavailable().ifPresentOrElse(
                why -> LOG.errorf("every ticket will be refused: %s", why),
                () -> LOG.infof("sandbox %s is available", sandbox.name()));
        sandbox.warnings().forEach(warning -> LOG.warnf("some runs will fail: %s", warning));
        // The bubblewrap sandbox's class-data archives take a minute on a new build: start answers without them,
        // and only a run whose runtime's archive is still being made waits for it.
        Thread preparing = new Thread(sandbox::prepare, "sandbox-prepare");
        preparing.setDaemon(true);
        preparing.start();
    }
}
