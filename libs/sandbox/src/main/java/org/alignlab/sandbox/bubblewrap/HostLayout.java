package org.alignlab.sandbox.bubblewrap;

import org.alignlab.sandbox.SandboxUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the sandbox needs from the host: the tools that build it and the paths it shows read-only.
 *
 * @param setpriv     present when the executor runs as root: bwrap is then started as uid 65534, so even a
 *                    sandbox escape lands as an unprivileged host user rather than as root without capabilities
 * @param systemPaths the runtime directories shown read-only (/usr, /etc, /lib...), each a directory or a symlink
 */
public record HostLayout(
        Path bwrap,
        Path prlimit,
        Optional<Path> setpriv,
        List<SystemPath> systemPaths,
        Path javaHome,
        Path experimentsJar,
        Path djlCacheDir) {

    /** The host directories the workload may read, where they exist. */
    static final List<String> RUNTIME_DIRS = List.of("/usr", "/etc", "/bin", "/sbin", "/lib", "/lib32", "/lib64",
            "/libx32");

    /**
     * A root-level runtime path.
     *
     * @param symlinkTarget where the path points when it is a symlink (Debian's merged /usr: /bin → usr/bin),
     *                      recreated as a symlink inside; null for a directory, which is bound read-only
     */
    public record SystemPath(String path, String symlinkTarget) {
    }

    /** Looks at this host; fails with an operator-readable reason when a tool is missing. */
    static HostLayout detect(Path javaHome, Path experimentsJar, Path djlCacheDir) throws SandboxUnavailableException {
        Path bwrap = onPath("bwrap").orElseThrow(() -> new SandboxUnavailableException(
                "no sandbox available: install bubblewrap (apt-get install -y bubblewrap)"));
        Path prlimit = onPath("prlimit").orElseThrow(() -> new SandboxUnavailableException(
                "no sandbox available: prlimit not found (apt-get install -y util-linux)"));
        Optional<Path> setpriv = Optional.empty();
        if (runningAsRoot()) {
            setpriv = Optional.of(onPath("setpriv").orElseThrow(() -> new SandboxUnavailableException(
                    "no sandbox available: running as root and setpriv not found (apt-get install -y util-linux)")));
        }
        return new HostLayout(bwrap, prlimit, setpriv, probeSystemPaths(), javaHome, experimentsJar, djlCacheDir);
    }

    static List<SystemPath> probeSystemPaths() {
        List<SystemPath> paths = new ArrayList<>();
        for (String dir : RUNTIME_DIRS) {
            Path path = Path.of(dir);
            try {
                if (Files.isSymbolicLink(path)) {
                    paths.add(new SystemPath(dir, Files.readSymbolicLink(path).toString()));
                } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    paths.add(new SystemPath(dir, null));
                }
            } catch (IOException e) {
                // An unreadable runtime path is simply not shown inside.
            }
        }
        return List.copyOf(paths);
    }

    static boolean runningAsRoot() {
        try {
            // /proc/self belongs to the effective uid of the process that looks at it.
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    static Optional<Path> onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, tool);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }
}
