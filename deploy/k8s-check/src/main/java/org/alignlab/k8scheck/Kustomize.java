package org.alignlab.k8scheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Renders an overlay with {@code kubectl kustomize}, exactly as an operator's {@code kubectl apply -k} would. */
public final class Kustomize {

    private static final long TIMEOUT_SECONDS = 60;

    private Kustomize() {
    }

    public static String render(Path overlay) {
        if (!Files.isDirectory(overlay)) {
            throw new IllegalArgumentException("no overlay at " + overlay);
        }
        Process process;
        try {
            Path errors = Files.createTempFile("kustomize", ".err");
            process = new ProcessBuilder("kubectl", "kustomize", overlay.toString())
                    .redirectError(errors.toFile()).start();
            String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + overlay + " took over " + TIMEOUT_SECONDS
                        + " s");
            }
            String stderr = Files.readString(errors);
            Files.delete(errors);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + overlay + " failed: " + stderr.strip());
            }
            return yaml;
        } catch (IOException e) {
            throw new IllegalStateException("kubectl is needed to render " + overlay
                    + " (apt-get install -y kubectl; .ci/run installs it): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + overlay, e);
        }
    }
}
