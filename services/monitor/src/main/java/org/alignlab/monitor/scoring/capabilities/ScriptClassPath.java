package org.alignlab.monitor.scoring.capabilities;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The class path javac attributes a script against: the jars (or class directories) that hold the script API, the
 * {@code Split} it returns, and DJL's API, found where this monitor's own class loader has them. Only those, not the
 * monitor's whole class path, so a script that names Quarkus or Kafka does not compile here either. They are read as
 * class files by javac, never loaded.
 *
 * <p>Located by resource rather than by {@code java.class.path}: under Quarkus' class loaders the class path names
 * only a launcher jar, while every resource URL is {@code jar:file:…!/entry} (or {@code file:…} for a class
 * directory in development).
 */
final class ScriptClassPath {

    /** One class file from each part of the script runtime's API. */
    static final List<String> MARKERS = List.of(
            "org/alignlab/experiments/script/Experiment.class",
            "org/alignlab/contracts/events/Split.class",
            "ai/djl/ndarray/NDArray.class");

    private ScriptClassPath() {
    }

    /** @throws IllegalStateException when a part of the API is not on this class loader's path */
    static List<Path> locate(ClassLoader loader) {
        Set<Path> entries = new LinkedHashSet<>();
        for (String marker : MARKERS) {
            URL url = loader.getResource(marker);
            if (url == null) {
                throw new IllegalStateException("the script API is not on the monitor's class path: no " + marker);
            }
            entries.add(root(url, marker));
        }
        return List.copyOf(entries);
    }

    static Path root(URL url, String marker) {
        String text = url.toString();
        if (text.startsWith("jar:")) {
            int bang = text.indexOf("!/");
            Path jar = Path.of(URI.create(text.substring("jar:".length(), bang)));
            return checked(jar, url);
        }
        if (text.startsWith("file:") && text.endsWith(marker)) {
            return checked(Path.of(URI.create(text.substring(0, text.length() - marker.length()))), url);
        }
        throw new IllegalStateException("cannot give javac the script API from " + url);
    }

    private static Path checked(Path path, URL url) {
        if (!Files.exists(path)) {
            throw new IllegalStateException("cannot give javac the script API: " + path + " (from " + url
                    + ") does not exist");
        }
        return path;
    }
}
