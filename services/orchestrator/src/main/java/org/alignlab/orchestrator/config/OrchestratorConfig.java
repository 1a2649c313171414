package org.alignlab.orchestrator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every {@code alignlab.orchestrator.*} key. */
@ConfigMapping(prefix = "alignlab.orchestrator")
public interface OrchestratorConfig {

    /**
     * Experiment families a goal may ask for: a subset of the family catalogue; absent means every catalogued family
     * that runs no agent code.
     */
    Optional<List<String>> families();

    /** The budget of a goal that names none (or leaves a field out). */
    DefaultBudget defaultBudget();

    /**
     * The most a goal may ask for of each budget; a request above one is refused with a 400 naming the field. Set
     * in application.properties ({@code max-budget.*}); each default budget must be within its ceiling.
     */
    MaxBudget maxBudget();

    /**
     * How many goals one researcher may have RUNNING at once; one more is refused with a 409. Set in
     * application.properties.
     */
    int maxRunningGoalsPerResearcher();

    /** Where reviewers read the monitor's audit records; reports link there, the service never calls it. */
    @WithDefault("http://127.0.0.1:8083")
    String monitorUrl();

    /** How often RUNNING goals are checked against their wall-clock budget and their round's timeout. */
    @WithDefault("15s")
    Duration deadlineCheckEvery();

    /** How long a round may wait for its experiments to be reviewed before it closes anyway. */
    @WithDefault("10m")
    Duration roundTimeout();

    /** How often a progress stream looks for a goal's new events. */
    @WithDefault("500ms")
    Duration eventsPollEvery();

    /** Per-goal budget ceilings, one per budget field. */
    interface MaxBudget {

        int experiments();

        int computeSeconds();

        int rounds();

        int wallSeconds();
    }

    /** Budget defaults, each a hard limit. */
    interface DefaultBudget {

        @WithDefault("4")
        int experiments();

        @WithDefault("900")
        int computeSeconds();

        @WithDefault("1")
        int rounds();

        @WithDefault("1200")
        int wallSeconds();
    }
}
