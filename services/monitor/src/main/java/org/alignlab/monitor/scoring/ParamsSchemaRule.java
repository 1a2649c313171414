package org.alignlab.monitor.scoring;

import com.networknt.schema.JsonSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.contracts.json.EventValidator;
import org.alignlab.contracts.json.Json;

/**
 * {@code invalid-params}: the params of a known family must satisfy that family's parameter schema
 * ({@code contracts/schemas/families/<family>.schema.json}), the same schema the experiments runner applies. The
 * monitor checks first so that a ticket is never signed for a spec the runner would refuse, and so that no
 * undeclared param can smuggle data past the other rules. A known family without a schema fails closed; the
 * {@code script} family has none by design (its params are the script's own), and an unknown family is
 * {@code unknown-family}'s to report.
 */
final class ParamsSchemaRule implements Rule {

    static final String SCRIPT_FAMILY = "script";
    private static final String SCHEMA_DIR = "schemas/families/";

    private final Map<String, Optional<JsonSchema>> schemas = new ConcurrentHashMap<>();

    /** Loads the schemas of {@code families} now, so a missing or broken schema shows at startup. */
    ParamsSchemaRule(Set<String> families) {
        families.forEach(this::schemaOf);
    }

    @Override
    public List<RuleHit> check(AgentAction action, GateContext ctx) {
        String family = action.spec().family();
        if (SCRIPT_FAMILY.equals(family) || !ctx.limits().knownFamilies().contains(family)) {
            return List.of();
        }
        Optional<JsonSchema> schema = schemaOf(family);
        if (schema.isEmpty()) {
            return List.of(RuleDefinition.INVALID_PARAMS.hit("family '" + family + "' has no parameter schema ("
                    + SCHEMA_DIR + family + ".schema.json), so its params cannot be checked"));
        }
        Map<String, Object> params = action.spec().params() == null ? Map.of() : action.spec().params();
        List<String> violations = EventValidator.describe(schema.get().validate(Json.tree(params)));
        if (violations.isEmpty()) {
            return List.of();
        }
        return List.of(RuleDefinition.INVALID_PARAMS.hit(
                "params of family '" + family + "': " + String.join("; ", violations)));
    }

    private Optional<JsonSchema> schemaOf(String family) {
        return schemas.computeIfAbsent(family, name -> {
            String file = "families/" + name + ".schema.json";
            if (EventValidator.class.getClassLoader().getResource("schemas/" + file) == null) {
                return Optional.empty();
            }
            return Optional.of(EventValidator.instance().load(file));
        });
    }
}
