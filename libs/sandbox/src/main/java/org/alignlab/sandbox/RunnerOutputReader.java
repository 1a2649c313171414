package org.alignlab.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import java.util.List;
import org.alignlab.contracts.json.EventValidator;
import org.alignlab.contracts.json.Json;
import org.alignlab.contracts.runner.RunnerOutput;

/** Reads the runner's out.json. It comes from inside the sandbox, so it is validated before it is believed. */
public final class RunnerOutputReader {

    private static final JsonSchema SCHEMA = EventValidator.instance().load(RunnerOutput.SCHEMA_FILE);

    private RunnerOutputReader() {
    }

    /** @throws IllegalArgumentException naming what is wrong with the file */
    public static RunnerOutput read(String json) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("out.json is not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw new IllegalArgumentException("out.json is empty");
        }
        List<String> violations = EventValidator.describe(SCHEMA.validate(tree));
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("out.json violates RunnerOutput: " + String.join("; ", violations));
        }
        try {
            return Json.mapper().treeToValue(tree, RunnerOutput.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("out.json violates RunnerOutput: " + e.getOriginalMessage());
        }
    }
}
