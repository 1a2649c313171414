package org.alignlab.sandbox.bubblewrap;

import org.alignlab.sandbox.RunnerRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Puts the workload's files (the experiments jar with its {@code lib/}, and DJL's native-library cache) where the
 * sandbox user can read them. When the executor runs as root, bubblewrap runs as uid 65534 and must be able to
 * reach every path it binds; a checkout under {@code /root} or a {@code mktemp -d} folder (mode 0700) is closed to
 * it. Files are hard-linked into a fresh, world-readable folder under the work root (copied when the work root is
 * on another file system), so nothing about the checkout's location or modes matters.
 */
public final class WorkloadStaging {

    private WorkloadStaging() {
    }

    /** The staged copies the sandbox binds; {@link #root} is removed again by {@link #delete()}. */
    public record Staged(Path root, Path experimentsJar, Path djlCacheDir) {

        public void delete() {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove staged workload " + root, e);
            }
        }
    }

    /**
     * Stages the jar, the script runtime, {@code lib/} and {@code script-lib/} beside them, and any DJL cache, under
     * {@code workRoot}.
     */
    public static Staged stage(Path workRoot, Path experimentsJar, Path djlCacheDir) throws IOException {
        Files.createDirectories(workRoot);
        openDirectory(workRoot);
        Path root = Files.createTempDirectory(workRoot, "workload-");
        openDirectory(root);

        Path experiments = root.resolve("experiments");
        Path stagedJar = experiments.resolve(experimentsJar.getFileName());
        mirror(experimentsJar, stagedJar);
        Path scriptRuntime = RunnerRuntime.SCRIPT.jar(experimentsJar);
        if (Files.isRegularFile(scriptRuntime)) {
            mirror(scriptRuntime, RunnerRuntime.SCRIPT.jar(stagedJar));
        }
        for (RunnerRuntime runtime : RunnerRuntime.values()) {
            Path lib = experimentsJar.toAbsolutePath().getParent().resolve(runtime.libDirectory());
            if (Files.isDirectory(lib)) {
                mirrorTree(lib, experiments.resolve(runtime.libDirectory()));
            }
        }
        Path stagedCache = root.resolve("djl-cache");
        if (Files.isDirectory(djlCacheDir)) {
            mirrorTree(djlCacheDir, stagedCache);
        } else {
            Files.createDirectories(stagedCache);
            openDirectory(stagedCache);
        }
        return new Staged(root, stagedJar, stagedCache);
    }

    private static void mirrorTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                    openDirectory(target);
                } else if (Files.isRegularFile(source)) {
                    mirror(source, target);
                }
            }
        }
    }

    private static void mirror(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        openDirectory(target.getParent());
        try {
            Files.createLink(target, source);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException crossDevice) {
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        // A hard link shares its inode: this opens the original too, which holds nothing secret (jars, libtorch).
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
                Files.isExecutable(source) ? "rwxr-xr-x" : "rw-r--r--"));
    }

    private static void openDirectory(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
