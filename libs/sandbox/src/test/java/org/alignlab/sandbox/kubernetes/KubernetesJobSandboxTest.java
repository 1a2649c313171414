package org.alignlab.sandbox.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.Split;
import org.alignlab.sandbox.RunOutcome;
import org.alignlab.sandbox.RunnerRuntime;
import org.alignlab.sandbox.SandboxRequest;
import org.alignlab.sandbox.SandboxRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against fabric8's mock API server in CRUD mode: the test plays the Job controller and the kubelet, setting the
 * Job's conditions, creating its pod and serving its log, so every path from Job to SandboxRun is exercised. No
 * real cluster is involved: that the restricted pod really starts under gVisor is for a cluster's own check.
 */
class KubernetesJobSandboxTest {

    private static final String NAMESPACE = "alignlab-sandbox";
    private static final String IMAGE = "registry.example/alignlab/experiments:0.1.0";
    private static final ResourceRequest LIMITS = new ResourceRequest(90, 1024, 60);
    private static final String OUTPUT = """
            {"metrics": {"pgr": 0.4}, "perSeed": [{"seed": 1, "metrics": {"pgr": 0.4}}],
             "environment": {"codeVersion": "0.1.0", "djl": "0.36.0", "pytorch": "2.7.1"}}""";

    private KubernetesMockServer server;
    private KubernetesClient client;
    private KubernetesJobSandbox sandbox;

    @BeforeEach
    void start() {
        // CRUD for the objects, plus expectations for what CRUD cannot serve (pod logs).
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations,
                new KubernetesMixedDispatcher(expectations), false);
        server.init();
        client = server.createClient();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata()
                .build()).create();
        sandbox = new KubernetesJobSandbox(client, settings(Optional.of("gvisor"), Duration.ofMinutes(5)));
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    private static KubernetesSandboxSettings settings(Optional<String> runtimeClass, Duration startGrace) {
        return settings(runtimeClass, Duration.ofSeconds(10), startGrace);
    }

    private static KubernetesSandboxSettings settings(Optional<String> runtimeClass, Duration admissionTimeout,
            Duration startGrace) {
        return new KubernetesSandboxSettings(NAMESPACE, IMAGE, "/opt/alignlab/experiments/experiments.jar",
                "/opt/alignlab/djl-cache", runtimeClass, 600, 256, Duration.ofMillis(20), admissionTimeout, startGrace,
                1000, 10_000);
    }

    private static SandboxRequest request(String actionId) {
        return new SandboxRequest(actionId, "{\"family\":\"weak-to-strong\"}", LIMITS, RunnerRuntime.FAMILIES);
    }

    @Test
    void theJobRunsOnePodUnderTheRestrictedPodSecurityStandard() {
        Job job = new SandboxJobFactory(settings(Optional.of("gvisor"), Duration.ZERO))
                .job("alignlab-a1-abc123", request("a1"));

        assertThat(job.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
        Map<String, String> labels = Map.of("app.kubernetes.io/managed-by", "alignlab-executor",
                "alignlab.org/action-id", "a1", "alignlab.org/run", "alignlab-a1-abc123");
        assertThat(job.getMetadata().getLabels()).isEqualTo(labels);
        assertThat(job.getSpec().getBackoffLimit()).isZero();
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(60L);
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(600);
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).isEqualTo(labels);

        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getEnableServiceLinks()).isFalse();
        assertThat(pod.getRuntimeClassName()).isEqualTo("gvisor");
        assertThat(pod.getHostNetwork()).isNull();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(65534L);
        assertThat(pod.getSecurityContext().getRunAsGroup()).isEqualTo(65534L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getVolumes()).singleElement().satisfies(volume -> {
            assertThat(volume.getName()).isEqualTo("work");
            assertThat(volume.getEmptyDir().getMedium()).isEqualTo("Memory");
            assertThat(volume.getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("256Mi"));
        });

        assertThat(pod.getContainers()).singleElement().satisfies(container -> {
            assertThat(container.getName()).isEqualTo("runner");
            assertThat(container.getImage()).isEqualTo(IMAGE);
            assertThat(container.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(container.getSecurityContext().getPrivileged()).isFalse();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(container.getSecurityContext().getCapabilities().getAdd()).isEmpty();
            // 90 CPU seconds in 60 s of wall clock need 2 cores; memory is memoryMb plus the in-memory /work.
            Map<String, Quantity> resources = Map.of("cpu", new Quantity("2"), "memory", new Quantity("1280Mi"));
            assertThat(container.getResources().getRequests()).isEqualTo(resources);
            assertThat(container.getResources().getLimits()).isEqualTo(resources);
            assertThat(container.getVolumeMounts()).singleElement().satisfies(mount -> {
                assertThat(mount.getName()).isEqualTo("work");
                assertThat(mount.getMountPath()).isEqualTo("/work");
                assertThat(mount.getReadOnly()).isNull();
            });
            assertThat(container.getEnv()).extracting(env -> env.getName() + "=" + env.getValue()).containsExactly(
                    "ALIGNLAB_SPEC_JSON={\"family\":\"weak-to-strong\"}", "HOME=/work", "DJL_OFFLINE=true",
                    "DJL_CACHE_DIR=/opt/alignlab/djl-cache", "MKL_CBWR=AUTO,STRICT");
            assertThat(container.getCommand()).hasSize(3).startsWith("/bin/sh", "-c");
            assertThat(container.getCommand().get(2)).contains(
                    "java -Xmx768m -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData -Djava.io.tmpdir=/work -jar "
                            + "/opt/alignlab/experiments/experiments.jar --spec /work/spec.json --out /work/out.json",
                    RunnerLog.BEGIN, RunnerLog.END, "exit $status");
            assertThat(container.getPorts()).isEmpty();
        });
    }

    @Test
    void withoutARuntimeClassTheClusterDefaultIsUsed() {
        Job job = new SandboxJobFactory(settings(Optional.empty(), Duration.ZERO)).job("j", request("a1"));

        assertThat(job.getSpec().getTemplate().getSpec().getRuntimeClassName()).isNull();
    }

    @Test
    void oneCoreAtLeastAndEnoughToSpendTheCpuSecondsInTime() {
        assertThat(SandboxJobFactory.cores(new ResourceRequest(10, 512, 60))).isEqualTo(1);
        assertThat(SandboxJobFactory.cores(new ResourceRequest(60, 512, 60))).isEqualTo(1);
        assertThat(SandboxJobFactory.cores(new ResourceRequest(61, 512, 60))).isEqualTo(2);
    }

    @Test
    void namesAreValidKubernetesNamesWhateverTheLabel() {
        String name = SandboxJobFactory.jobName("Run_" + "x".repeat(100), "abc123");

        assertThat(name).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").endsWith("-abc123");
        assertThat(SandboxJobFactory.labelValue("3f1c2b4e-0000-4000-8000-000000000001"))
                .isEqualTo("3f1c2b4e-0000-4000-8000-000000000001");
    }

    @Test
    void anImageMustBePinned() {
        assertThatThrownBy(() -> withImage(null)).hasMessageContaining("image is required");
        assertThatThrownBy(() -> withImage("registry.example:5000/experiments")).hasMessageContaining("pinned");
        assertThatThrownBy(() -> withImage("experiments:latest")).hasMessageContaining("pinned");
        assertThat(withImage("registry.example:5000/experiments@sha256:" + "a".repeat(64)).image()).contains("@");
    }

    private static KubernetesSandboxSettings withImage(String image) {
        return new KubernetesSandboxSettings(NAMESPACE, image, "/x.jar", "/djl", Optional.empty(), 1, 1,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO, 1, 1);
    }

    @Test
    void aCompletedJobSucceedsWithTheMetricsFromItsLogAndIsDeleted() throws Exception {
        String actionId = UUID.randomUUID().toString();
        CompletableFuture<SandboxRun> running = CompletableFuture.supplyAsync(() -> sandbox.run(request(actionId)));
        Job job = awaitJob(actionId);
        finishPod(job, 0, null, "loading data\ntraining\n\n" + RunnerLog.BEGIN + "\n" + OUTPUT + "\n" + RunnerLog.END
                + "\n");
        setCondition(job, "Complete", null);

        SandboxRun run = running.get(10, TimeUnit.SECONDS);

        assertThat(run.ending()).isEqualTo(SandboxRun.Ending.EXITED);
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).isEqualTo(OUTPUT.strip());
        assertThat(run.stderrTail()).startsWith("loading data\ntraining").doesNotContain(RunnerLog.BEGIN);
        RunOutcome result = outcome(run);
        assertThat(result.status()).isEqualTo(ExperimentStatus.SUCCEEDED);
        assertThat(result.output().metrics()).containsEntry("pgr", 0.4);
        assertJobDeleted(job);
    }

    @Test
    void aFailedJobFailsWithTheRunnersLastLineAndIsDeleted() throws Exception {
        String actionId = UUID.randomUUID().toString();
        CompletableFuture<SandboxRun> running = CompletableFuture.supplyAsync(() -> sandbox.run(request(actionId)));
        Job job = awaitJob(actionId);
        finishPod(job, 1, "Error", "loading data\njava.lang.IllegalStateException: no such family\n");
        setCondition(job, "Failed", "BackoffLimitExceeded");

        SandboxRun run = running.get(10, TimeUnit.SECONDS);

        assertThat(run.ending()).isEqualTo(SandboxRun.Ending.EXITED);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).isNull();
        RunOutcome result = outcome(run);
        assertThat(result.status()).isEqualTo(ExperimentStatus.FAILED);
        assertThat(result.reason()).isEqualTo("the runner failed (exit 1): java.lang.IllegalStateException: "
                + "no such family");
        assertJobDeleted(job);
    }

    @Test
    void anOutOfMemoryKilledPodIsKilled() throws Exception {
        String actionId = UUID.randomUUID().toString();
        CompletableFuture<SandboxRun> running = CompletableFuture.supplyAsync(() -> sandbox.run(request(actionId)));
        Job job = awaitJob(actionId);
        finishPod(job, 137, "OOMKilled", "allocating\n");
        setCondition(job, "Failed", "BackoffLimitExceeded");

        RunOutcome result = outcome(running.get(10, TimeUnit.SECONDS));

        assertThat(result.status()).isEqualTo(ExperimentStatus.KILLED);
        assertThat(result.reason()).contains("SIGKILL");
    }

    @Test
    void aJobPastItsDeadlineTimesOutAndIsDeleted() throws Exception {
        String actionId = UUID.randomUUID().toString();
        CompletableFuture<SandboxRun> running = CompletableFuture.supplyAsync(() -> sandbox.run(request(actionId)));
        Job job = awaitJob(actionId);
        finishPod(job, 137, "Error", "spinning\n");
        setCondition(job, "Failed", "DeadlineExceeded");

        SandboxRun run = running.get(10, TimeUnit.SECONDS);

        assertThat(run.ending()).isEqualTo(SandboxRun.Ending.TIMED_OUT);
        RunOutcome result = outcome(run);
        assertThat(result.status()).isEqualTo(ExperimentStatus.TIMED_OUT);
        assertThat(result.reason()).startsWith("wall-clock limit of 60 s reached");
        assertJobDeleted(job);
    }

    @Test
    void aJobWhosePodTheQuotaRefusesIsNotStartedWithTheApiServersReasonAndDeleted() throws Exception {
        String actionId = UUID.randomUUID().toString();
        CompletableFuture<SandboxRun> running = CompletableFuture.supplyAsync(() -> sandbox.run(request(actionId)));
        Job job = awaitJob(actionId);
        String refusal = "Error creating: pods \"" + job.getMetadata().getName() + "-x7k2p\" is forbidden: exceeded "
                + "quota: sandbox-quota, requested: pods=1, used: pods=16, limited: pods=16";
        client.v1().events().inNamespace(NAMESPACE).resource(new EventBuilder()
                .withNewMetadata().withName(job.getMetadata().getName() + ".1").endMetadata()
                .withNewInvolvedObject().withKind("Job").withNamespace(NAMESPACE).withName(job.getMetadata().getName())
                .endInvolvedObject()
                .withReason("FailedCreate").withType("Warning").withMessage(refusal).build()).create();

        SandboxRun run = running.get(10, TimeUnit.SECONDS);

        assertThat(run.ending()).isEqualTo(SandboxRun.Ending.NOT_STARTED);
        assertThat(run.outputProblem()).isEqualTo("sandbox did not start: the sandbox namespace alignlab-sandbox "
                + "refused its pod: " + refusal);
        RunOutcome result = outcome(run);
        assertThat(result.status()).isEqualTo(ExperimentStatus.FAILED);
        assertThat(result.reason()).contains("exceeded quota");
        assertJobDeleted(job);
    }

    @Test
    void aJobWithoutAPodWithinTheAdmissionTimeoutIsNotStartedNotTimedOut() {
        sandbox = new KubernetesJobSandbox(client, settings(Optional.empty(), Duration.ofMillis(300),
                Duration.ofMinutes(5)));
        String actionId = UUID.randomUUID().toString();

        SandboxRun run = sandbox.run(new SandboxRequest(actionId, "{}", new ResourceRequest(1, 64, 600),
                RunnerRuntime.FAMILIES));

        assertThat(run.ending()).isEqualTo(SandboxRun.Ending.NOT_STARTED);
        assertThat(run.outputProblem()).startsWith("sandbox did not start: no pod was created for Job alignlab-")
                .contains("within PT0.3S");
        assertThat(Duration.between(run.startedAt(), run.finishedAt())).isLessThan(Duration.ofSeconds(5));
        assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems()).isEmpty();
    }

    @Test
    void aJobWhosePodNeverRunsIsGivenUpAfterItsDeadlineAndDeleted() throws Exception {
        sandbox = new KubernetesJobSandbox(client, settings(Optional.empty(), Duration.ZERO));
        String actionId = UUID.randomUUID().toString();
        CompletableFuture<SandboxRun> running = CompletableFuture.supplyAsync(() -> sandbox.run(
                new SandboxRequest(actionId, "{}", new ResourceRequest(1, 64, 1), RunnerRuntime.FAMILIES)));
        Job job = awaitJob(actionId);
        // Admitted, but never scheduled (say, no node has room): the pod exists and stays Pending.
        client.pods().inNamespace(NAMESPACE).resource(new PodBuilder().withNewMetadata()
                .withName(job.getMetadata().getName() + "-pod")
                .withLabels(job.getSpec().getTemplate().getMetadata().getLabels()).endMetadata()
                .withSpec(job.getSpec().getTemplate().getSpec()).build()).create();

        SandboxRun run = running.get(10, TimeUnit.SECONDS);

        assertThat(run.ending()).isEqualTo(SandboxRun.Ending.TIMED_OUT);
        assertJobDeleted(job);
    }

    @Test
    void aScriptIsRefusedBecauseTheRunnerImageHoldsTheFamiliesCode() {
        SandboxRun run = sandbox.run(new SandboxRequest(UUID.randomUUID().toString(), "{\"family\":\"script\"}",
                LIMITS, RunnerRuntime.SCRIPT));

        assertThat(run.ending()).isEqualTo(SandboxRun.Ending.NOT_STARTED);
        assertThat(run.outputProblem()).isEqualTo(KubernetesJobSandbox.SCRIPTS_REFUSED);
        assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems()).isEmpty();
    }

    @Test
    void aMissingNamespaceMakesTheSandboxUnavailableAndNothingRuns() {
        client.namespaces().withName(NAMESPACE).delete();

        assertThat(sandbox.whyUnavailable()).hasValueSatisfying(why -> assertThat(why)
                .contains("namespace alignlab-sandbox does not exist"));
        SandboxRun run = sandbox.run(request("a1"));
        assertThat(run.ending()).isEqualTo(SandboxRun.Ending.NOT_STARTED);
        assertThat(client.batch().v1().jobs().inAnyNamespace().list().getItems()).isEmpty();
    }

    @Test
    void anUnreachableApiServerMakesTheSandboxUnavailable() {
        try (KubernetesClient unreachable = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl("https://127.0.0.1:1").withRequestRetryBackoffLimit(0).withConnectionTimeout(1000)
                .withRequestTimeout(1000).build()).build()) {
            KubernetesJobSandbox offline = new KubernetesJobSandbox(unreachable, settings(Optional.empty(),
                    Duration.ZERO));

            assertThat(offline.whyUnavailable()).hasValueSatisfying(why -> assertThat(why)
                    .startsWith("no sandbox available: the Kubernetes API server at https://127.0.0.1:1"));
            assertThat(offline.available()).isFalse();
        }
    }

    @Test
    void theSandboxIsAvailableWhenItsNamespaceExists() {
        assertThat(sandbox.whyUnavailable()).isEmpty();
        assertThat(sandbox.name()).isEqualTo("kubernetes");
    }

    private Job awaitJob(String actionId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jobsOf(actionId).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(jobsOf(actionId)).as("the Job of action %s", actionId).isNotEmpty();
        return jobsOf(actionId).get(0);
    }

    private List<Job> jobsOf(String actionId) {
        return client.batch().v1().jobs().inNamespace(NAMESPACE)
                .withLabel(SandboxJobFactory.ACTION_LABEL, actionId).list().getItems();
    }

    /** What the kubelet would leave: a terminated runner container and its log. */
    private void finishPod(Job job, int exitCode, String reason, String log) {
        String podName = job.getMetadata().getName() + "-pod";
        client.pods().inNamespace(NAMESPACE).resource(new PodBuilder()
                .withNewMetadata().withName(podName).withLabels(job.getSpec().getTemplate().getMetadata().getLabels())
                .endMetadata()
                .withSpec(job.getSpec().getTemplate().getSpec())
                .withNewStatus().addNewContainerStatus().withName("runner").withNewState().withNewTerminated()
                .withExitCode(exitCode).withReason(reason).endTerminated().endState().endContainerStatus().endStatus()
                .build()).create();
        server.expect().get().withPath("/api/v1/namespaces/" + NAMESPACE + "/pods/" + podName
                + "/log?pretty=false&container=runner").andReturn(200, log).always();
    }

    private void setCondition(Job job, String type, String reason) {
        Job current = client.batch().v1().jobs().inNamespace(NAMESPACE).withName(job.getMetadata().getName()).get();
        current.setStatus(new JobStatusBuilder().addToConditions(new JobConditionBuilder().withType(type)
                .withStatus("True").withReason(reason).build()).build());
        client.batch().v1().jobs().inNamespace(NAMESPACE).resource(current).updateStatus();
    }

    private void assertJobDeleted(Job job) {
        assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).withName(job.getMetadata().getName()).get())
                .isNull();
    }

    /** How the executor reads the run: status, reason and the runner's output. */
    private static RunOutcome outcome(SandboxRun run) {
        return RunOutcome.of(run, LIMITS, Path.of("/opt/alignlab/djl-cache"));
    }
}
