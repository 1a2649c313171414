package org.alignlab.executor.config;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.OriginSigner;
import org.alignlab.contracts.crypto.TicketVerifier;
import org.alignlab.executor.execution.ResultFactory;
import org.alignlab.executor.ticket.MonitorAuditClient;
import org.alignlab.executor.ticket.TicketCheck;
import org.alignlab.executor.ticket.UsedTicketRepository;
import org.alignlab.sandbox.RunnerLimits;
import org.alignlab.sandbox.Sandbox;
import org.alignlab.sandbox.RunnerStart;
import org.alignlab.sandbox.bubblewrap.BubblewrapSandbox;
import org.alignlab.sandbox.bubblewrap.WorkloadStaging;
import org.alignlab.sandbox.kubernetes.KubernetesJobSandbox;
import org.alignlab.sandbox.kubernetes.KubernetesSandboxSettings;

/** Wires the plain classes (testable without Quarkus) from configuration. */
@ApplicationScoped
public class ExecutorBeans {

    /** Under the work root, kept across restarts: the runner's class-data archives, one per runtime and build. */
    static final String CLASS_DATA_DIR = "class-data";

    private WorkloadStaging.Staged staged;
    private KubernetesJobSandbox kubernetesSandbox;

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The executor's key for its audit events, proven to belong to the configured public half at start: a mismatch
     * would otherwise show only as every event dead-lettered by the monitor.
     */
    @Produces
    @Singleton
    @Startup
    OriginSigner auditSigner(ExecutorConfig config) {
        PrivateKey privateKey = Ed25519.decodePrivate(config.signingKey());
        PublicKey publicKey = Ed25519.decodePublic(config.signingPublicKey());
        byte[] probe = "alignlab-executor-key-probe".getBytes(StandardCharsets.US_ASCII);
        if (!Ed25519.verify(publicKey, probe, Ed25519.sign(privateKey, probe))) {
            throw new IllegalArgumentException(
                    "alignlab.executor.signing-public-key is not the public half of alignlab.executor.signing-key");
        }
        return new OriginSigner(privateKey, publicKey);
    }

    /** Built at start, so a missing or malformed monitor key stops the service instead of its first ticket. */
    @Produces
    @Singleton
    @Startup
    TicketCheck ticketCheck(ExecutorConfig config, Clock clock, UsedTicketRepository ledger,
            OpenTelemetry openTelemetry) {
        MonitorAuditClient auditRecords = new MonitorAuditClient(config.monitorUrl(), config.monitorToken(),
                config.monitorTimeout(), openTelemetry.getPropagators().getTextMapPropagator());
        return new TicketCheck(new TicketVerifier(Ed25519.decodePublic(config.monitorPublicKey())), clock, ledger,
                auditRecords);
    }

    /**
     * The sandbox binds staged links of the runner and the DJL cache, never the configured paths themselves: those
     * may sit under folders the sandbox user cannot enter (see {@link WorkloadStaging}). A runner that is missing
     * is left unstaged so the sandbox reports it by its configured path.
     */
    @Produces
    @Singleton
    Sandbox sandbox(ExecutorConfig config) throws IOException {
        if (config.sandbox().kind() == ExecutorConfig.SandboxKind.KUBERNETES) {
            kubernetesSandbox = kubernetesSandbox(config);
            return kubernetesSandbox;
        }
        Path jar = config.experimentsJar().toAbsolutePath();
        Path cache = config.djlCacheDir().toAbsolutePath();
        if (Files.isRegularFile(jar)) {
            staged = WorkloadStaging.stage(config.resolvedWorkRoot(), jar, cache);
            jar = staged.experimentsJar();
            cache = staged.djlCacheDir();
        }
        RunnerStart start = config.fastRunnerStart()
                ? RunnerStart.fast(config.resolvedWorkRoot().resolve(CLASS_DATA_DIR))
                : RunnerStart.PLAIN;
        return new BubblewrapSandbox(new BubblewrapSandbox.Settings(config.resolvedJavaHome(), jar, cache,
                config.resolvedWorkRoot(), config.maxLogBytes(), config.maxOutputBytes(),
                new RunnerLimits.WorkDir(config.workDirMb() * 1024L * 1024, config.workDirFiles()), start));
    }

    /** Retries are few and short: a ticket waits on the answer, and an unreachable API server refuses it. */
    private static KubernetesJobSandbox kubernetesSandbox(ExecutorConfig config) {
        ExecutorConfig.KubernetesSandbox kubernetes = config.sandbox().kubernetes();
        KubernetesSandboxSettings settings = new KubernetesSandboxSettings(kubernetes.namespace(),
                kubernetes.image().orElse(null), kubernetes.experimentsJar(), kubernetes.djlCacheDir(),
                kubernetes.runtimeClassName(), kubernetes.ttlSecondsAfterFinished(), kubernetes.workDirMb(),
                kubernetes.pollInterval(), kubernetes.admissionTimeout(), kubernetes.startGrace(), config.maxLogBytes(),
                config.maxOutputBytes());
        Config clientConfig = new ConfigBuilder(Config.autoConfigure(null))
                .withRequestRetryBackoffLimit(1)
                .withConnectionTimeout(5_000)
                .withRequestTimeout(10_000)
                .build();
        return new KubernetesJobSandbox(new KubernetesClientBuilder().withConfig(clientConfig).build(), settings);
    }

    void releaseSandbox(@Observes ShutdownEvent event) {
        if (staged != null) {
            staged.delete();
        }
        if (kubernetesSandbox != null) {
            kubernetesSandbox.close();
        }
    }

    @Produces
    @Singleton
    ResultFactory resultFactory(ExecutorConfig config) {
        return new ResultFactory(config.djlCacheDir(), config.logTailBytes());
    }
}
