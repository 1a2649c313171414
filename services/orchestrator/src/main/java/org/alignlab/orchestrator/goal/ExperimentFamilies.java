package org.alignlab.orchestrator.goal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.contracts.families.FamilyDefinition;
import org.alignlab.orchestrator.config.OrchestratorConfig;

/**
 * The experiment families goals may ask for: the family catalogue's research families, narrowed by configuration. A
 * normal-scoped bean on purpose: Hibernate Validator creates {@link KnownFamilyValidator} while the application is
 * still being built, before configuration mappings exist, and this bean's client proxy defers reading them to the
 * first validation.
 */
@ApplicationScoped
public class ExperimentFamilies {

    @Inject
    OrchestratorConfig config;
    private volatile List<String> names;

    public boolean contains(String family) {
        return names().contains(family);
    }

    public List<String> names() {
        if (names == null) {
            FamilyCatalogue catalogue = FamilyCatalogue.standard();
            List<String> research = catalogue.families().stream().filter(f -> !f.agentCode())
                    .map(FamilyDefinition::name).toList();
            names = config.families().isPresent()
                    ? catalogue.names().stream().filter(catalogue.narrow(config.families(),
                            "alignlab.orchestrator.families")::contains).toList()
                    : research;
        }
        return names;
    }
}
