package org.alignlab.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.json.Json;

/**
 * Reads an {@link ExperimentSpec} and checks it against the rules of its schema before anything runs, with
 * {@link SpecCheck}'s hand-written checks rather than the schema validator, which cost every run 0.35–0.4 s of start.
 */
public final class SpecLoader {

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
        List<String> violations = SpecCheck.violations(tree);
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
