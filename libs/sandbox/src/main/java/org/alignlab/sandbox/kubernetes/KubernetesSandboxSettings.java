package org.alignlab.sandbox.kubernetes;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the Kubernetes Job sandbox builds and watches its Jobs.
 *
 * @param namespace               where the Jobs run; it must exist (and should deny all network traffic)
 * @param image                   the experiments image, pinned by a tag other than {@code latest} or by digest
 * @param experimentsJar          the runner jar inside the image
 * @param djlCacheDir             DJL's unpacked PyTorch libraries inside the image (read-only, DJL runs offline)
 * @param runtimeClassName        e.g. {@code gvisor}; the cluster default when empty
 * @param ttlSecondsAfterFinished how long a finished Job stays if the executor dies before deleting it
 * @param workDirMb               size of the in-memory {@code /work}; it counts towards the pod's memory limit
 * @param pollInterval            how often the Job's status is read
 * @param admissionTimeout        how long the Job's pod may take to be created before the run is reported as not
 *                                started (a pod over the namespace's ResourceQuota is never created)
 * @param startGrace              time beyond the wall-clock limit for scheduling and image pull before the
 *                                executor gives up on the Job itself
 * @param maxLogBytes             bytes of the pod log kept (the tail)
 * @param maxOutputBytes          the largest RunnerOutput read back from the log
 */
public record KubernetesSandboxSettings(String namespace, String image, String experimentsJar, String djlCacheDir,
        Optional<String> runtimeClassName, int ttlSecondsAfterFinished, int workDirMb, Duration pollInterval,
        Duration admissionTimeout, Duration startGrace, int maxLogBytes, int maxOutputBytes) {

    public KubernetesSandboxSettings {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(runtimeClassName, "runtimeClassName");
        Objects.requireNonNull(admissionTimeout, "admissionTimeout");
        requirePinned(image);
    }

    /** A mutable tag would let what runs in the sandbox change without anyone deciding so. */
    private static void requirePinned(String image) {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("alignlab.executor.sandbox.kubernetes.image is required when the "
                    + "kubernetes sandbox is selected");
        }
        if (image.contains("@")) {
            return;
        }
        int lastSlash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= lastSlash || image.endsWith(":latest")) {
            throw new IllegalArgumentException("the sandbox image " + image + " must be pinned by a tag other than "
                    + "latest, or by digest (alignlab.executor.sandbox.kubernetes.image)");
        }
    }
}
