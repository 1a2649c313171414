package org.alignlab.sandbox.kubernetes;

import org.alignlab.sandbox.Reproducibility;
import org.alignlab.sandbox.RunnerLimits;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.sandbox.SandboxRequest;

/**
 * Builds the Job of one run: a single pod under the restricted Pod Security Standard, with no service-account
 * token, no service links, a read-only root and an in-memory {@code /work}, resource requests equal to its limits,
 * and the wall-clock limit as {@code activeDeadlineSeconds}. The spec reaches the pod as an environment variable,
 * the result leaves it through the log between {@link RunnerLog} markers.
 */
final class SandboxJobFactory {

    static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    static final String MANAGED_BY = "alignlab-executor";
    static final String ACTION_LABEL = "alignlab.org/action-id";
    /** Our own pod label, so the pod is found without relying on the controller's labels. */
    static final String RUN_LABEL = "alignlab.org/run";
    static final String CONTAINER = "runner";
    static final String SPEC_ENV = "ALIGNLAB_SPEC_JSON";
    static final String WORK = "/work";
    static final long SANDBOX_UID = 65534;
    private static final int MAX_NAME = 63;

    private final KubernetesSandboxSettings settings;

    SandboxJobFactory(KubernetesSandboxSettings settings) {
        this.settings = settings;
    }

    /** {@code alignlab-} and the label made DNS-safe, cut so that a suffix keeps it within 63 characters. */
    static String jobName(String label, String suffix) {
        String safe = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("^-+|-+$", "");
        String name = "alignlab-" + safe;
        int room = MAX_NAME - suffix.length() - 1;
        return name.substring(0, Math.min(name.length(), room)).replaceAll("-+$", "") + "-" + suffix;
    }

    /** Label values allow 63 characters of [A-Za-z0-9-_.]; an action id (a UUID) fits unchanged. */
    static String labelValue(String label) {
        String safe = label.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.substring(0, Math.min(safe.length(), MAX_NAME)).replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
    }

    Job job(String name, SandboxRequest request) {
        ResourceRequest limits = request.limits();
        Map<String, Quantity> resources = Map.of(
                "cpu", new Quantity(Integer.toString(cores(limits))),
                "memory", new Quantity(memoryMb(limits) + "Mi"));
        Map<String, String> labels = Map.of(
                MANAGED_BY_LABEL, MANAGED_BY,
                ACTION_LABEL, labelValue(request.label()),
                RUN_LABEL, name);
        return new JobBuilder()
                .withNewMetadata().withName(name).withNamespace(settings.namespace()).withLabels(labels).endMetadata()
                .withNewSpec()
                .withBackoffLimit(0)
                .withActiveDeadlineSeconds((long) limits.wallSeconds())
                .withTtlSecondsAfterFinished(settings.ttlSecondsAfterFinished())
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withRuntimeClassName(settings.runtimeClassName().orElse(null))
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withRunAsUser(SANDBOX_UID)
                .withRunAsGroup(SANDBOX_UID)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .addNewContainer()
                .withName(CONTAINER)
                .withImage(settings.image())
                .withImagePullPolicy("IfNotPresent")
                .withCommand("/bin/sh", "-c", script(limits))
                .addNewEnv().withName(SPEC_ENV).withValue(request.specJson()).endEnv()
                .addNewEnv().withName("HOME").withValue(WORK).endEnv()
                .addNewEnv().withName("DJL_OFFLINE").withValue("true").endEnv()
                .addNewEnv().withName("DJL_CACHE_DIR").withValue(settings.djlCacheDir()).endEnv()
                .addNewEnv().withName(Reproducibility.MKL_CBWR).withValue(Reproducibility.MKL_CBWR_MODE).endEnv()
                .withNewResources().withRequests(resources).withLimits(resources).endResources()
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withPrivileged(false)
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .endSecurityContext()
                .addNewVolumeMount().withName("work").withMountPath(WORK).endVolumeMount()
                .endContainer()
                .addNewVolume().withName("work")
                .withNewEmptyDir().withMedium("Memory").withSizeLimit(new Quantity(settings.workDirMb() + "Mi"))
                .endEmptyDir()
                .endVolume()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    /**
     * Kubernetes limits the CPU rate, not CPU time: the pod gets {@link RunnerLimits#cores} whole cores. CPU time
     * itself is therefore bounded only by cores x wallSeconds, never below cpuSeconds.
     */
    static int cores(ResourceRequest limits) {
        return RunnerLimits.cores(limits);
    }

    /** memoryMb for the JVM (its heap is 3/4 of it, as in bubblewrap) plus the in-memory /work, charged to the pod. */
    int memoryMb(ResourceRequest limits) {
        return limits.memoryMb() + settings.workDirMb();
    }

    /** Writes the spec, runs the runner, then prints out.json between the markers and exits with its status. */
    private String script(ResourceRequest limits) {
        List<String> java = List.of("java", "-Xmx" + RunnerLimits.heapMb(limits.memoryMb()) + "m",
                "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-Djava.io.tmpdir=" + WORK,
                "-jar", settings.experimentsJar(), "--spec", WORK + "/spec.json", "--out", WORK + "/out.json");
        return "printf '%s' \"$" + SPEC_ENV + "\" > " + WORK + "/spec.json || exit 125\n"
                + String.join(" ", java) + "\n"
                + "status=$?\n"
                + "if [ -f " + WORK + "/out.json ]; then echo; echo '" + RunnerLog.BEGIN + "'; cat " + WORK
                + "/out.json; echo; echo '" + RunnerLog.END + "'; fi\n"
                + "exit $status\n";
    }
}
