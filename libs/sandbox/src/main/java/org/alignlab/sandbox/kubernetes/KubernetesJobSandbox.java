package org.alignlab.sandbox.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.alignlab.sandbox.Sandbox;
import org.alignlab.sandbox.RunnerRuntime;
import org.alignlab.sandbox.SandboxRequest;
import org.alignlab.sandbox.SandboxRun;
import org.alignlab.sandbox.TailBuffer;
import org.jboss.logging.Logger;

/**
 * Runs each workload as a Kubernetes Job in the sandbox namespace (see {@link SandboxJobFactory} for the pod),
 * polls it until it completes, fails or runs out of time, reads the result from the pod log and deletes the Job.
 * CPU time and peak memory are not measured here (the metrics API is not consulted): they are reported as 0.
 * <p>
 * A Job is accepted whatever the namespace's ResourceQuota says: the quota is enforced when the Job controller
 * creates the pod, and a refused pod only shows as a {@code FailedCreate} event on the Job while the Job's
 * {@code activeDeadlineSeconds} runs out. So the executor first waits a short {@code admission-timeout} for the pod
 * to exist: a refusal (the event's message, e.g. "exceeded quota") or no pod in that time is reported as not
 * started, with the reason, and the Job is deleted; only then does the run's own deadline start.
 */
public final class KubernetesJobSandbox implements Sandbox, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KubernetesJobSandbox.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String OOM_KILLED = "OOMKilled";
    private static final int SIGKILL_EXIT = SandboxRun.SIGNAL_EXIT_BASE + 9;
    /**
     * The runner image holds every family, and with them the generators of the held-out splits: bubblewrap shows a
     * script only the script runtime jar, but a container shows the whole image. Until there is a script-only image,
     * scripts are refused here rather than run where they could read what review keeps from them.
     */
    static final String SCRIPTS_REFUSED = "the kubernetes sandbox does not run script experiments: its runner image "
            + "holds the families' code and held-out generators; run scripts with the bubblewrap sandbox";
    static final String FAILED_CREATE = "FailedCreate";
    /** The container ended without a status we could read; it is reported as a plain failure. */
    static final int UNKNOWN_EXIT = -1;

    private final KubernetesClient client;
    private final KubernetesSandboxSettings settings;
    private final SandboxJobFactory jobs;

    public KubernetesJobSandbox(KubernetesClient client, KubernetesSandboxSettings settings) {
        this.client = client;
        this.settings = settings;
        this.jobs = new SandboxJobFactory(settings);
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    /** Asked before every run, not remembered: the API server or the namespace may go away at any time. */
    @Override
    public Optional<String> whyUnavailable() {
        try {
            if (client.namespaces().withName(settings.namespace()).get() == null) {
                return Optional.of("no sandbox available: the sandbox namespace " + settings.namespace()
                        + " does not exist (alignlab.executor.sandbox.kubernetes.namespace)");
            }
            return Optional.empty();
        } catch (KubernetesClientException e) {
            return Optional.of("no sandbox available: the Kubernetes API server at " + client.getMasterUrl()
                    + " cannot be asked about namespace " + settings.namespace() + ": " + describe(e));
        }
    }

    @Override
    public SandboxRun run(SandboxRequest request) {
        Instant started = Instant.now();
        Optional<String> unavailable = whyUnavailable();
        if (unavailable.isPresent()) {
            return notStarted(started, unavailable.get());
        }
        if (request.runtime() == RunnerRuntime.SCRIPT) {
            return notStarted(started, SCRIPTS_REFUSED);
        }
        String name = SandboxJobFactory.jobName(request.label(), HexFormat.of().formatHex(randomBytes()));
        try {
            client.batch().v1().jobs().inNamespace(settings.namespace()).resource(jobs.job(name, request)).create();
        } catch (KubernetesClientException e) {
            LOG.errorf(e, "sandbox Job for %s was not created", request.label());
            return notStarted(started, "sandbox did not start: the Job was not created: " + describe(e));
        }
        try {
            Optional<String> refused = awaitAdmission(name);
            if (refused.isPresent()) {
                LOG.warnf("sandbox Job %s for %s did not start: %s", name, request.label(), refused.get());
                return notStarted(started, refused.get());
            }
            return follow(name, request, started);
        } finally {
            delete(name);
        }
    }

    /** Empty once the Job's pod exists (or the Job already ended); otherwise why it was never admitted. */
    private Optional<String> awaitAdmission(String name) {
        long giveUpAt = System.nanoTime() + settings.admissionTimeout().toNanos();
        try {
            while (true) {
                if (pod(name).isPresent() || ended(name)) {
                    return Optional.empty();
                }
                Optional<String> refusal = refusal(name);
                if (refusal.isPresent()) {
                    return Optional.of("sandbox did not start: the sandbox namespace " + settings.namespace()
                            + " refused its pod: " + refusal.get());
                }
                if (System.nanoTime() - giveUpAt > 0) {
                    return Optional.of("sandbox did not start: no pod was created for Job " + name + " within "
                            + settings.admissionTimeout() + " (is the ResourceQuota of " + settings.namespace()
                            + " used up? kubectl -n " + settings.namespace() + " describe job " + name + ")");
                }
                Thread.sleep(settings.pollInterval().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("sandbox did not start: interrupted while waiting for the pod of Job " + name);
        } catch (KubernetesClientException e) {
            return Optional.of("sandbox did not start: lost track of Job " + name + ": " + describe(e));
        }
    }

    private boolean ended(String name) {
        Job job = client.batch().v1().jobs().inNamespace(settings.namespace()).withName(name).get();
        return job != null && job.getStatus() != null && job.getStatus().getConditions() != null
                && job.getStatus().getConditions().stream().anyMatch(c -> "True".equals(c.getStatus())
                        && ("Complete".equals(c.getType()) || "Failed".equals(c.getType())));
    }

    /** The Job controller's latest FailedCreate event on this Job: the API server's reason for refusing its pod. */
    private Optional<String> refusal(String name) {
        List<Event> events;
        try {
            // The namespace's events, filtered here: the sandbox namespace holds only sandbox Jobs and their pods,
            // and events expire after an hour, so the list stays short.
            events = client.v1().events().inNamespace(settings.namespace()).list().getItems();
        } catch (KubernetesClientException e) {
            // Without the right to list events the admission timeout still ends the wait, with a vaguer reason.
            LOG.debugf("events of sandbox Job %s cannot be read: %s", name, describe(e));
            return Optional.empty();
        }
        return events.stream()
                .filter(event -> event.getInvolvedObject() != null && "Job".equals(event.getInvolvedObject().getKind())
                        && name.equals(event.getInvolvedObject().getName()))
                .filter(event -> FAILED_CREATE.equals(event.getReason()))
                .max(Comparator.comparing(event -> String.valueOf(event.getLastTimestamp())))
                .map(Event::getMessage);
    }

    private SandboxRun follow(String name, SandboxRequest request, Instant started) {
        long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(request.limits().wallSeconds())
                + settings.startGrace().toNanos();
        try {
            while (true) {
                Optional<SandboxRun> ended = ended(name, started);
                if (ended.isPresent()) {
                    return ended.get();
                }
                if (System.nanoTime() - giveUpAt > 0) {
                    // The Job never reached its own deadline (pending pod, image pull): it is deleted all the same.
                    return finished(name, SandboxRun.Ending.TIMED_OUT, UNKNOWN_EXIT, started);
                }
                Thread.sleep(settings.pollInterval().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return finished(name, SandboxRun.Ending.KILLED, UNKNOWN_EXIT, started);
        } catch (KubernetesClientException e) {
            LOG.errorf(e, "lost track of sandbox Job %s", name);
            return finished(name, SandboxRun.Ending.KILLED, UNKNOWN_EXIT, started);
        }
    }

    /** Complete ⇒ exited 0; DeadlineExceeded ⇒ timed out; any other failure ⇒ the container's exit code. */
    private Optional<SandboxRun> ended(String name, Instant started) {
        Job job = client.batch().v1().jobs().inNamespace(settings.namespace()).withName(name).get();
        if (job == null) {
            throw new KubernetesClientException("the Job " + name + " disappeared before it finished");
        }
        List<JobCondition> conditions = job.getStatus() == null || job.getStatus().getConditions() == null
                ? List.of() : job.getStatus().getConditions();
        for (JobCondition condition : conditions) {
            if (!"True".equals(condition.getStatus())) {
                continue;
            }
            if ("Complete".equals(condition.getType())) {
                return Optional.of(finished(name, SandboxRun.Ending.EXITED, 0, started));
            }
            if ("Failed".equals(condition.getType())) {
                if ("DeadlineExceeded".equals(condition.getReason())) {
                    return Optional.of(finished(name, SandboxRun.Ending.TIMED_OUT, UNKNOWN_EXIT, started));
                }
                return Optional.of(finished(name, SandboxRun.Ending.EXITED, exitCode(name), started));
            }
        }
        return Optional.empty();
    }

    private SandboxRun finished(String name, SandboxRun.Ending ending, int exitCode, Instant started) {
        Instant finished = Instant.now();
        RunnerLog log;
        try {
            log = RunnerLog.parse(podLog(name), settings.maxOutputBytes());
        } catch (KubernetesClientException e) {
            log = new RunnerLog("", null, "the pod log could not be read: " + describe(e));
        }
        String tail = tail(log.log());
        return new SandboxRun(ending, exitCode, started, finished, 0, 0, "", tail, log.output(), log.outputProblem());
    }

    /** The log is streamed into a bounded buffer: a workload that prints without end costs bounded memory. */
    private String podLog(String name) {
        Optional<Pod> pod = pod(name);
        if (pod.isEmpty()) {
            return "";
        }
        TailBuffer buffer = new TailBuffer(settings.maxLogBytes() + settings.maxOutputBytes()
                + RunnerLog.BEGIN.length() + RunnerLog.END.length() + 4);
        try (InputStream in = client.pods().inNamespace(settings.namespace()).withName(pod.get().getMetadata()
                .getName()).inContainer(SandboxJobFactory.CONTAINER).getLogInputStream()) {
            buffer.drain(in);
        } catch (IOException e) {
            throw new KubernetesClientException("reading the log failed: " + e.getMessage());
        }
        return buffer.tail(Integer.MAX_VALUE);
    }

    private String tail(String log) {
        TailBuffer buffer = new TailBuffer(settings.maxLogBytes());
        byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
        buffer.write(bytes, 0, bytes.length);
        return buffer.tail(settings.maxLogBytes());
    }

    private int exitCode(String name) {
        return pod(name).map(Pod::getStatus)
                .map(status -> status.getContainerStatuses() == null ? List.<ContainerStatus>of()
                        : status.getContainerStatuses())
                .flatMap(statuses -> statuses.stream().filter(s -> SandboxJobFactory.CONTAINER.equals(s.getName()))
                        .findFirst())
                .map(status -> status.getState() == null ? null : status.getState().getTerminated())
                .map(KubernetesJobSandbox::exitCode)
                .orElse(UNKNOWN_EXIT);
    }

    /** The kernel's OOM killer sends SIGKILL; it is reported as such, like bubblewrap's, so it reads as KILLED. */
    private static int exitCode(ContainerStateTerminated terminated) {
        if (OOM_KILLED.equals(terminated.getReason())) {
            return SIGKILL_EXIT;
        }
        return terminated.getExitCode() == null ? UNKNOWN_EXIT : terminated.getExitCode();
    }

    /** With backoffLimit 0 there is one pod; should there be more, the newest one tells how the Job ended. */
    private Optional<Pod> pod(String name) {
        return client.pods().inNamespace(settings.namespace()).withLabel(SandboxJobFactory.RUN_LABEL, name).list()
                .getItems().stream()
                .max(Comparator.comparing(pod -> String.valueOf(pod.getMetadata().getCreationTimestamp())));
    }

    private void delete(String name) {
        try {
            client.batch().v1().jobs().inNamespace(settings.namespace()).withName(name)
                    .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        } catch (KubernetesClientException e) {
            LOG.warnf("sandbox Job %s was not deleted (its ttlSecondsAfterFinished of %d s will remove it): %s",
                    name, settings.ttlSecondsAfterFinished(), describe(e));
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[3];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String describe(KubernetesClientException e) {
        String message = e.getCause() != null && e.getCause().getMessage() != null
                ? e.getMessage() + " (" + e.getCause().getMessage() + ")" : e.getMessage();
        return e.getCode() > 0 ? "HTTP " + e.getCode() + ": " + message : message;
    }

    private static SandboxRun notStarted(Instant at, String why) {
        return new SandboxRun(SandboxRun.Ending.NOT_STARTED, -1, at, Instant.now(), 0, 0, "", "", null, why);
    }

    @Override
    public void close() {
        client.close();
    }
}
