package org.alignlab.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The versions of Kubernetes and of each operator that {@code k8s/versions.yaml} pins, by name. */
public record PinnedVersions(Map<String, String> versions) {

    public PinnedVersions {
        versions = Map.copyOf(versions);
    }

    public static PinnedVersions read(Path file) {
        Map<String, String> versions = new LinkedHashMap<>();
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            root.fields().forEachRemaining(entry -> versions.put(entry.getKey(), entry.getValue().asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new PinnedVersions(versions);
    }

    public static PinnedVersions of(Path repositoryRoot) {
        return read(repositoryRoot.resolve("k8s/versions.yaml"));
    }

    /** @throws IllegalArgumentException when {@code name} is not pinned */
    public String version(String name) {
        String version = versions.get(name);
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("k8s/versions.yaml pins no version of " + name);
        }
        return version;
    }
}
