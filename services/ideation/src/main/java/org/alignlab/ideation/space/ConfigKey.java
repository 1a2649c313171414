package org.alignlab.ideation.space;

import java.util.Map;
import java.util.TreeMap;
import org.alignlab.contracts.json.CanonicalJson;
import org.alignlab.contracts.json.Json;

/**
 * What makes two configurations the same: the canonical JSON (RFC 8785) of their effective parameters, the
 * schema's defaults with the sent parameters laid over them. So {@code {}} and the defaults written out are one
 * configuration, and {@code 1} and {@code 1.0} are one value.
 */
public final class ConfigKey {

    private ConfigKey() {
    }

    public static Map<String, Object> effective(Map<String, Object> defaults, Map<String, Object> params) {
        Map<String, Object> effective = new TreeMap<>(defaults);
        effective.putAll(params);
        return effective;
    }

    public static String of(Map<String, Object> defaults, Map<String, Object> params) {
        return CanonicalJson.canonicalize(Json.write(effective(defaults, params)));
    }
}
