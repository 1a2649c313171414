package org.alignlab.k8scheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The repository under test and the deliberately bad manifests of src/test/resources. */
final class Fixtures {

    private Fixtures() {
    }

    static Path repositoryRoot() {
        return Path.of(System.getProperty("alignlab.repo.root", "../..")).toAbsolutePath().normalize();
    }

    /**
     * The schema bundle (Kubernetes OpenAPI and the pinned operators' CRDs, see the module README): the directory
     * named by {@code -Dalignlab.k8s.schemas}, else {@code k8s-schemas} in the {@code shared/} folder inside or beside
     * the checkout.
     */
    static Optional<Path> schemaDirectory() {
        String property = System.getProperty("alignlab.k8s.schemas", "");
        Stream<Path> candidates = property.isBlank()
                ? Stream.of(repositoryRoot().resolve("shared/k8s-schemas"),
                        repositoryRoot().resolveSibling("shared").resolve("k8s-schemas"))
                : Stream.of(Path.of(property));
        return candidates.filter(Files::isDirectory).findFirst();
    }

    private static SchemaCatalog schemas;

    /** The pinned schemas; a test that needs them is skipped, saying so, where the bundle is not there. */
    static synchronized SchemaCatalog schemas() {
        Optional<Path> directory = schemaDirectory();
        Assumptions.assumeTrue(directory.isPresent(), "no k8s-schemas bundle (-Dalignlab.k8s.schemas, or shared/"
                + "k8s-schemas inside or beside " + repositoryRoot() + "): schema validation skipped");
        if (schemas == null) {
            schemas = SchemaCatalog.load(directory.get(), PinnedVersions.of(repositoryRoot()));
        }
        return schemas;
    }

    static MetricCatalog catalog() {
        return MetricCatalog.load(resource("exported-metrics.txt"));
    }

    static Manifests bad(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/bad/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture bad/" + name);
            }
            return Manifests.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
