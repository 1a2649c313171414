package org.alignlab.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.json.EventValidator;
import org.alignlab.contracts.json.Json;

/** Reads an {@link ExperimentSpec} and checks it against its schema before anything runs. */
public final class SpecLoader {

    private static final JsonSchema SCHEMA = EventValidator.instance().load("ExperimentSpec.schema.json");

    private SpecLoader() {
    }

    /** @throws InvalidSpecException whose message names every offending field */
    public static ExperimentSpec load(Path file) throws InvalidSpecException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidSpecException("spec file not found: " + file);
        } catch (IOException e) {
            throw new InvalidSpecException("cannot read spec " + file + ": " + e.getMessage());
        }
        return parse(text);
    }

    public static ExperimentSpec parse(String text) throws InvalidSpecException {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidSpecException("spec is not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidSpecException("spec is empty");
        }
        List<String> violations = EventValidator.describe(SCHEMA.validate(tree));
        if (!violations.isEmpty()) {
            throw new InvalidSpecException("invalid spec: " + String.join("; ", violations));
        }
        try {
            return Json.mapper().treeToValue(tree, ExperimentSpec.class);
        } catch (JsonProcessingException e) {
            throw new InvalidSpecException("invalid spec: " + e.getOriginalMessage());
        }
    }
}
