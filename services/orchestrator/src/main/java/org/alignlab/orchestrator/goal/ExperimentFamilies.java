package org.alignlab.orchestrator.goal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.alignlab.orchestrator.config.OrchestratorConfig;

/**
 * The experiment families goals may ask for. A normal-scoped bean on purpose: Hibernate Validator creates
 * {@link KnownFamilyValidator} while the application is still being built, before configuration mappings
 * exist, and this bean's client proxy defers reading them to the first validation.
 */
@ApplicationScoped
public class ExperimentFamilies {

    private final OrchestratorConfig config;

    ExperimentFamilies(OrchestratorConfig config) {
        this.config = config;
    }

    public boolean contains(String family) {
        return config.families().contains(family);
    }

    public List<String> names() {
        return config.families();
    }
}
