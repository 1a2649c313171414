package org.alignlab.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Unpacks DJL's PyTorch native library into the run's cache once, outside any sandbox: inside one the cache
 * is read-only and the network is gone, so the executor's first experiment would fail.
 */
public final class DjlCacheWarmer {

    private static final String WARM_UP_CLASS = "org.alignlab.experiments.EngineWarmUp";
    private static final long TIMEOUT_SECONDS = 180;

    private final PrintStream out;

    public DjlCacheWarmer(PrintStream out) {
        this.out = out;
    }

    /** Returns false (after saying why) when the cache could not be warmed; the stack still starts. */
    public boolean warm(Path experimentsJar, Path cacheDir, Path log) throws IOException {
        if (Files.isDirectory(cacheDir.resolve("pytorch"))) {
            openToOthers(cacheDir);
            return true;
        }
        out.println("DJL: unpacking the PyTorch native library into " + cacheDir + " (once)");
        Files.createDirectories(cacheDir);
        ProcessBuilder builder = new ProcessBuilder(List.of(Installation.java(), "-cp", experimentsJar.toString(),
                WARM_UP_CLASS))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DJL_CACHE_DIR", cacheDir.toString());
        builder.environment().put("DJL_OFFLINE", "true");
        Process process = builder.start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                out.println("  warning: DJL warm-up did not finish in " + TIMEOUT_SECONDS + " s; see " + log);
                return false;
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while warming the DJL cache");
        }
        if (process.exitValue() != 0) {
            out.println("  warning: DJL warm-up failed (exit " + process.exitValue() + "); experiments may fail in "
                    + "their sandbox. Last lines of " + log + ":\n" + String.join("\n", HealthWaiter.tail(log, 10)));
            return false;
        }
        openToOthers(cacheDir);
        return true;
    }

    /**
     * DJL unpacks into a private temporary directory and renames it, leaving the library directory mode 700;
     * the sandbox reads it as an unprivileged user, so everyone gets read (and enter) access.
     */
    static void openToOthers(Path cacheDir) throws IOException {
        try (Stream<Path> paths = Files.walk(cacheDir)) {
            for (Path path : paths.toList()) {
                Set<PosixFilePermission> modes = EnumSet.copyOf(Files.getPosixFilePermissions(path));
                modes.add(PosixFilePermission.GROUP_READ);
                modes.add(PosixFilePermission.OTHERS_READ);
                if (Files.isDirectory(path)) {
                    modes.add(PosixFilePermission.GROUP_EXECUTE);
                    modes.add(PosixFilePermission.OTHERS_EXECUTE);
                }
                Files.setPosixFilePermissions(path, modes);
            }
        }
    }
}
