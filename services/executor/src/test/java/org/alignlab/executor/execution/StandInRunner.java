package org.alignlab.executor.execution;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Comparator;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.sandbox.RunnerRuntime;

/**
 * Configures the executor for its Quarkus test: a monitor key pair made here (the test reads the private half
 * from config to sign with; the executor uses only the public one) and, as the workload, a stand-in runner jar
 * compiled here.
 *
 * <p>The stand-in exists only to test the ticket path around the sandbox: it speaks the runner's command line
 * ({@code --spec}, {@code --out}) and writes a valid RunnerOutput with one metric per seed, plus the uid it ran
 * as. The real experiments jar is exercised by the platform's end-to-end test.
 */
public class StandInRunner implements QuarkusTestResourceLifecycleManager {

    /** The monitor's private key, for the test to sign with; never an executor setting. */
    static final String TEST_PRIVATE_KEY = "alignlab.test.monitor-private-key";
    /** What the stand-in reports for every seed (see {@code stand-in/StandInMain.java}). */
    static final double ACCURACY = 0.75;

    private Path dir;

    @Override
    public Map<String, String> start() {
        try {
            KeyPair monitor = Ed25519.generate();
            KeyPair executor = Ed25519.generate();
            dir = Files.createTempDirectory("executor-stand-in-");
            // Readable by the sandbox user (uid 65534) that bwrap runs as when the tests run as root.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return Map.of(
                    "alignlab.executor.monitor-public-key", Ed25519.encodePublic(monitor.getPublic()),
                    TEST_PRIVATE_KEY, Ed25519.encodePrivate(monitor.getPrivate()),
                    "alignlab.executor.signing-key", Ed25519.encodePrivate(executor.getPrivate()),
                    "alignlab.executor.signing-public-key", Ed25519.encodePublic(executor.getPublic()),
                    "alignlab.executor.experiments-jar", buildJar(dir).toString(),
                    "alignlab.executor.djl-cache-dir", dir.resolve("djl-cache-unused").toString(),
                    "alignlab.executor.work-root", dir.resolve("work").toString(),
                    // The stand-in is no real runner: there are no classes worth an archive.
                    "alignlab.executor.fast-runner-start", "false");
        } catch (IOException e) {
            throw new IllegalStateException("cannot build the stand-in runner", e);
        }
    }

    @Override
    public void stop() {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the stand-in runner at " + dir, e);
        }
    }

    private static Path buildJar(Path dir) throws IOException {
        Path sourceFile = dir.resolve("StandInMain.java");
        try (InputStream source = StandInRunner.class.getResourceAsStream("/stand-in/StandInMain.java")) {
            Files.write(sourceFile, source.readAllBytes());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "--release", "17", "-d", dir.toString(), sourceFile.toString());
        if (status != 0) {
            throw new IllegalStateException("the stand-in runner did not compile");
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "StandInMain");
        Path jar = dir.resolve("stand-in-runner.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("StandInMain.class"));
            out.write(Files.readAllBytes(dir.resolve("StandInMain.class")));
            out.closeEntry();
        }
        // The sandbox requires both runner jars and their class path folders; the stand-in plays the script runtime
        // too and needs no other jar.
        Files.copy(jar, RunnerRuntime.SCRIPT.jar(jar));
        for (RunnerRuntime runtime : RunnerRuntime.values()) {
            Path lib = Files.createDirectories(dir.resolve(runtime.libDirectory()));
            Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return jar;
    }
}
