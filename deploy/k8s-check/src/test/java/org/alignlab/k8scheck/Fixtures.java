package org.alignlab.k8scheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The repository under test and the deliberately bad manifests of src/test/resources. */
final class Fixtures {

    private Fixtures() {
    }

    static Path repositoryRoot() {
        return Path.of(System.getProperty("alignlab.repo.root", "../..")).toAbsolutePath().normalize();
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
