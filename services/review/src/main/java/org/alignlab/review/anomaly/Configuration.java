package org.alignlab.review.anomaly;

import java.util.Map;
import java.util.TreeMap;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.RunEnvironment;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.contracts.families.FamilyDefinition;
import org.alignlab.contracts.json.Sha256;

/**
 * What makes two runs the same configuration, so that one is history for the other: the family, its effective
 * params (the family's defaults filled in, so leaving a parameter out and setting it to its default are the same
 * run), the split, the script of a script run, and the code version that ran it (the runner's; another release may
 * legitimately compute other numbers). Seeds and resources are left out. Pure.
 */
final class Configuration {

    private Configuration() {
    }

    /** SHA-256 (hex) of the canonical JSON of what makes the configuration. */
    static String of(ExperimentSpec spec, RunEnvironment environment) {
        Map<String, Object> params = spec.params() == null ? Map.of() : spec.params();
        Map<String, Object> effective = FamilyCatalogue.standard().find(spec.family())
                .map((FamilyDefinition family) -> family.effective(params))
                .orElse(new TreeMap<>(params));
        Map<String, Object> key = new TreeMap<>();
        key.put("family", spec.family());
        key.put("params", effective);
        key.put("split", spec.split() == null ? "" : spec.split().name());
        key.put("script", spec.script() == null ? "" : spec.script());
        key.put("codeVersion", environment == null || environment.codeVersion() == null ? ""
                : environment.codeVersion());
        return Sha256.ofCanonical(key);
    }
}
