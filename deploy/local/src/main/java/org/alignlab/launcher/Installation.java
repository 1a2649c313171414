package org.alignlab.launcher;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where the repository and the launcher's own jars are, wherever the launcher runs from. */
public final class Installation {

    /** Set by {@code deploy/local/alignlab}; without it the repository is found from the launcher's location. */
    public static final String HOME_ENV = "ALIGNLAB_HOME";

    private Installation() {
    }

    public static Path repoRoot(Map<String, String> env) {
        String home = env.get(HOME_ENV);
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        for (Path dir = codeSource().getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/local/pom.xml"))
                    && Files.isDirectory(dir.resolve("services"))) {
                return dir;
            }
        }
        throw new LauncherException("cannot find the AlignLab repository above " + codeSource()
                + "; set " + HOME_ENV);
    }

    /** The java executable of this JVM: every child runs on the same Java. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The class path for the broker and database processes: the launcher itself (for log4j2.xml) and its
     * runtime libraries, which the package phase copies to {@code target/lib}.
     */
    public static String infraClassPath() {
        Path self = codeSource();
        Path lib = self.getParent().resolve("lib");
        if (!Files.isDirectory(lib)) {
            throw new LauncherException(
                    "missing " + lib + ": build the launcher with `mvn -B -ntp -DskipTests install`");
        }
        List<String> entries = new ArrayList<>();
        entries.add(self.toString());
        entries.add(lib.resolve("*").toString());
        return String.join(File.pathSeparator, entries);
    }

    /** The launcher jar, or {@code target/classes} when run from a build (tests). */
    static Path codeSource() {
        try {
            return Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("launcher location is not a path", e);
        }
    }
}
