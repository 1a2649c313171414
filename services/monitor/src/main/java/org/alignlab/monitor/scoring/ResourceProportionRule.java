package org.alignlab.monitor.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.contracts.families.FamilyDefinition;

/**
 * {@code resource-disproportionate}: an ideation experiment whose compute is out of all proportion to the family's
 * default run. The resource limits cap one run, not what a run is for: an agent can size every knob to its schema's
 * maximum and ask for many seeds, and each such run burns its whole CPU budget on a question a default-sized run
 * answers. The family's cost model (its schema's {@code x-alignlab.cost}) estimates one seed's compute relative to
 * the defaults; times the seeds relative to {@link #REFERENCE_SEEDS}, a run above {@link #MAX_WORK_RATIO} is held for
 * a human, who sees which params make it so. A scale study an order or two above the defaults passes; review's
 * replications repeat their parent's params, and the lineage rule checks them.
 */
final class ResourceProportionRule implements Rule {

    /** The seeds of a family's reference run (the family benchmark's, and about what ideation asks for). */
    static final int REFERENCE_SEEDS = 3;
    /** How many reference runs one action may cost before a human looks at it. */
    static final double MAX_WORK_RATIO = 10_000;

    private final FamilyCatalogue catalogue = FamilyCatalogue.standard();

    @Override
    public List<RuleHit> check(AgentAction action, GateContext ctx) {
        if (action.agent() != Agent.IDEATION || action.type() != ActionType.RUN_EXPERIMENT) {
            return List.of();
        }
        return catalogue.find(action.spec().family())
                .filter(family -> family.violations(action.spec().params()).isEmpty()) // else invalid-params blocks
                .map(family -> judge(action, family))
                .orElse(List.of());
    }

    private static List<RuleHit> judge(AgentAction action, FamilyDefinition family) {
        OptionalDouble perSeed = family.costRatio(action.spec().params());
        if (perSeed.isEmpty()) {
            return List.of();
        }
        int seeds = action.spec().seeds().size();
        double work = perSeed.getAsDouble() * seeds / REFERENCE_SEEDS;
        if (work <= MAX_WORK_RATIO) {
            return List.of();
        }
        return List.of(RuleDefinition.RESOURCE_DISPROPORTIONATE.hit(String.format(Locale.ROOT,
                "about %.3g times the compute of %s's default run at %d seeds (one seed %.3g times, %d seeds; bound"
                        + " %.0f times): %s",
                work, family.name(), REFERENCE_SEEDS, perSeed.getAsDouble(), seeds, MAX_WORK_RATIO,
                changedFromDefaults(action, family))));
    }

    private static String changedFromDefaults(AgentAction action, FamilyDefinition family) {
        Map<String, Object> defaults = family.defaults();
        List<String> changed = new ArrayList<>();
        family.effective(action.spec().params()).forEach((name, value) -> {
            if (!ParamValues.same(value, defaults.get(name))) {
                changed.add(name + " " + defaults.get(name) + " → " + value);
            }
        });
        return changed.isEmpty() ? "no param differs from the defaults" : String.join(", ", changed);
    }
}
