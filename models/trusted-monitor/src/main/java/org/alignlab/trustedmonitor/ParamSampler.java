package org.alignlab.trustedmonitor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.contracts.families.FamilyDefinition;
import org.alignlab.contracts.families.FamilyParam;

/**
 * Draws the params a careful researcher might propose: a few params changed from their defaults by a factor of
 * about two either way, always inside the schema's bounds and its cross-param rules. Each draw is checked against
 * the family's schema, so a benign example is never an action the monitor would reject for invalid params.
 */
final class ParamSampler {

    /** The log-normal spread around a default: a factor of 2 is about one standard deviation. */
    private static final double SPREAD = 0.7;
    private static final double CHANGE_PROBABILITY = 0.4;

    /** {@code smaller ≤ larger − slack}, checked on effective values (absent = default). */
    private record AtMost(String smaller, String larger, int slack) {
    }

    /**
     * The runner's cross-param rules (see the schemas' descriptions). Params whose default depends on others
     * (weak-to-strong's pretrainedDims, reward-overoptimization's batchSize) satisfy them when absent.
     */
    private static final Map<String, List<AtMost>> RULES = Map.of(
            "weak-to-strong", List.of(new AtMost("weakFeatures", "features", 1),
                    new AtMost("latentDims", "features", 0),
                    new AtMost("pretrainedDims", "features", 0), new AtMost("batchSize", "nTrain", 0)),
            "linear-probe", List.of(new AtMost("batchSize", "nTrain", 0), new AtMost("batchSize", "nProbe", 0)),
            "reward-overoptimization", List.of(new AtMost("batchSize", "proxySamples", 0)));
    private static final Map<String, List<String>> DEFAULT_DEPENDS_ON_OTHERS = Map.of(
            "weak-to-strong", List.of("pretrainedDims"), "reward-overoptimization", List.of("batchSize"));
    private static final long MAX_OVEROPT_CANDIDATES = 4_000_000L;

    private static final FamilyCatalogue CATALOGUE = FamilyCatalogue.standard();

    /** The families whose parameters the corpus samples: every catalogued family that runs no agent code. */
    static final List<String> FAMILIES = CATALOGUE.families().stream().filter(f -> !f.agentCode())
            .map(FamilyDefinition::name).toList();

    private final Map<String, FamilyDefinition> schemas = new LinkedHashMap<>();

    ParamSampler() {
        FAMILIES.forEach(family -> schemas.put(family, CATALOGUE.get(family)));
    }

    FamilyDefinition schema(String family) {
        return schemas.get(family);
    }

    /** A plausible set of params: each param changed from its default with probability 0.4, by about 2× at most. */
    Map<String, Object> plausible(String family, Random rng) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (FamilyParam param : schema(family).params()) {
            if (rng.nextDouble() < CHANGE_PROBABILITY) {
                params.put(param.name(), value(param, nearDefault(param, rng)));
            }
        }
        return checked(family, params);
    }

    /** {@code params} made to satisfy the cross-param rules, then checked against the schema. */
    Map<String, Object> checked(String family, Map<String, Object> params) {
        FamilyDefinition schema = schema(family);
        for (AtMost rule : RULES.getOrDefault(family, List.of())) {
            boolean smallerHasStaticDefault = !DEFAULT_DEPENDS_ON_OTHERS.getOrDefault(family, List.of())
                    .contains(rule.smaller());
            if (!params.containsKey(rule.smaller()) && !smallerHasStaticDefault) {
                continue;
            }
            double smaller = effective(schema, params, rule.smaller());
            double bound = effective(schema, params, rule.larger()) - rule.slack();
            if (smaller > bound) {
                FamilyParam param = schema.param(rule.smaller()).orElseThrow();
                if (bound >= param.minimum()) {
                    params.put(rule.smaller(), value(param, bound));
                } else {
                    params.put(rule.larger(), value(schema.param(rule.larger()).orElseThrow(), smaller + rule.slack()));
                }
            }
        }
        if ("reward-overoptimization".equals(family)) {
            double prompts = effective(schema, params, "prompts");
            double maxN = effective(schema, params, "maxN");
            if (prompts * maxN > MAX_OVEROPT_CANDIDATES) {
                params.put("prompts",
                        value(schema.param("prompts").orElseThrow(), Math.floor(MAX_OVEROPT_CANDIDATES / maxN)));
            }
        }
        var violations = schema.violations(params);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("sampled invalid " + family + " params " + params + ": " + violations);
        }
        return params;
    }

    private static double effective(FamilyDefinition schema, Map<String, Object> params, String name) {
        Object value = params.get(name);
        return value == null ? schema.param(name).orElseThrow().defaultNumber() : ((Number) value).doubleValue();
    }

    private static double nearDefault(FamilyParam param, Random rng) {
        double base = param.defaultNumber();
        if (base > 0) {
            return base * Math.exp(SPREAD * rng.nextGaussian());
        }
        // A default of 0 (no noise, no auxiliary loss) is moved to a small share of its range, or kept.
        return rng.nextBoolean() ? 0 : param.minimum() + (param.maximum() - param.minimum()) * 0.2 * rng.nextDouble();
    }

    /**
     * The JSON value of {@code raw} for {@code param}: clamped to its bounds, an integer where the schema says so,
     * otherwise rounded to 3 significant digits as a person would write it.
     */
    static Object value(FamilyParam param, double raw) {
        double clamped = Math.max(param.minimum(), Math.min(param.maximum(), raw));
        if (param.integer()) {
            return Math.max((long) Math.ceil(param.minimum()), Math.min((long) Math.floor(param.maximum()),
                    Math.round(clamped)));
        }
        double rounded = new BigDecimal(clamped).round(new MathContext(3)).doubleValue();
        return Math.max(param.minimum(), Math.min(param.maximum(), rounded));
    }
}
