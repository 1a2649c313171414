package org.alignlab.monitor.scoring;

import java.util.List;
import java.util.Optional;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.contracts.families.FamilyDefinition;

/**
 * {@code invalid-params}: the params of a known family must satisfy that family's parameter schema in the family
 * catalogue ({@code contracts/schemas/families/<family>.schema.json}), the same schema the experiments runner
 * applies. The monitor checks first so that a ticket is never signed for a spec the runner would refuse, and so that
 * no undeclared param can smuggle data past the other rules. A family that runs agent code ({@code script}) has no
 * parameter schema by design (its params are the script's own), and an unknown family is {@code unknown-family}'s
 * to report. A family configured as known that the catalogue lacks fails closed.
 */
final class ParamsSchemaRule implements Rule {

    private final FamilyCatalogue catalogue = FamilyCatalogue.standard();

    @Override
    public List<RuleHit> check(AgentAction action, GateContext ctx) {
        String family = action.spec().family();
        if (!ctx.limits().knownFamilies().contains(family)) {
            return List.of();
        }
        Optional<FamilyDefinition> definition = catalogue.find(family);
        if (definition.isEmpty()) {
            // Configured as known but not catalogued: nothing says what its params may be, so fail closed.
            return List.of(RuleDefinition.INVALID_PARAMS.hit("family '" + family + "' has no parameter schema in the "
                    + "family catalogue, so its params cannot be checked"));
        }
        List<String> violations = definition.get().violations(action.spec().params());
        if (violations.isEmpty()) {
            return List.of();
        }
        return List.of(RuleDefinition.INVALID_PARAMS.hit(
                "params of family '" + family + "': " + String.join("; ", violations)));
    }
}
