package org.alignlab.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.Split;

/**
 * Reads an {@link ExperimentSpec} and checks it against the rules of its schema before anything runs. A fresh runner
 * JVM does this once per run, so it takes the cheap road (issue 16): {@link PlainJson} rather than Jackson's mapper,
 * {@link SpecCheck}'s hand-written checks rather than the schema validator, and binding by hand. Tests hold each to
 * what it replaced: the same specs refused, the same records built.
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
        Object tree;
        try {
            tree = PlainJson.read(text);
        } catch (JsonProcessingException e) {
            throw new InvalidSpecException("spec is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidSpecException("spec is not JSON: " + e.getMessage());
        }
        if (tree == PlainJson.NOTHING) {
            throw new InvalidSpecException("spec is empty");
        }
        List<String> violations = SpecCheck.violations(tree);
        if (!violations.isEmpty()) {
            throw new InvalidSpecException("invalid spec: " + String.join("; ", violations));
        }
        return bind((Map<?, ?>) tree);
    }

    /** A spec that passed {@link SpecCheck}, as Jackson would bind it: every type is already known. */
    @SuppressWarnings("unchecked")
    private static ExperimentSpec bind(Map<?, ?> spec) {
        List<Integer> seeds = new ArrayList<>();
        for (Object seed : (List<?>) spec.get("seeds")) {
            seeds.add(((Number) seed).intValue());
        }
        Map<?, ?> resources = (Map<?, ?>) spec.get("resources");
        return new ExperimentSpec((String) spec.get("family"), (Map<String, Object>) spec.get("params"), seeds,
                "heldout".equals(spec.get("split")) ? Split.HELDOUT : Split.VALIDATION,
                new ResourceRequest(integer(resources, "cpuSeconds"), integer(resources, "memoryMb"),
                        integer(resources, "wallSeconds")),
                (String) spec.get("script"));
    }

    private static int integer(Map<?, ?> object, String field) {
        return ((Number) object.get(field)).intValue();
    }
}
