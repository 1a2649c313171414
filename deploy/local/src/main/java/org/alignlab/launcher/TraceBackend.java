package org.alignlab.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The local trace backend: a Zipkin server (in-memory storage, loopback only) that every service sends its spans to,
 * so that an action's trace can be opened in a browser. Kubernetes has Tempo behind the OpenTelemetry collector
 * instead; Zipkin is the backend that runs from a jar on Maven Central, with nothing to install.
 */
public final class TraceBackend {

    public static final String ZIPKIN = "zipkin";
    /** Zipkin's own health endpoint: {@code {"status":"UP"}} once it accepts spans. */
    public static final String HEALTH = "/health";

    /** Spans kept in memory, the oldest dropped first, so a stack left running stays within the server's heap. */
    private static final int MAX_SPANS = 50_000;

    private final StackOptions options;
    private final ProcessSupervisor supervisor;

    public TraceBackend(StackOptions options, ProcessSupervisor supervisor) {
        this.options = options;
        this.supervisor = supervisor;
    }

    /** The server jar, which the launcher's build copies from Maven Central ({@code io.zipkin:zipkin-server:exec}). */
    public static Path jar(Path repoRoot) {
        return repoRoot.resolve("deploy/local/target/zipkin/zipkin-server-exec.jar");
    }

    public static URI url(Ports ports) {
        return URI.create("http://127.0.0.1:" + ports.zipkin());
    }

    /** Where a service posts its spans (Zipkin v2 JSON; the server takes no OTLP). */
    public static URI spansEndpoint(Ports ports) {
        return url(ports).resolve("/api/v2/spans");
    }

    /** The page that shows one trace. */
    public static URI traceUi(Ports ports, String traceId) {
        return url(ports).resolve("/zipkin/traces/" + traceId);
    }

    /** Starts the server unless it already runs; returns its process, not yet ready. */
    public ProcessHandle start() throws IOException {
        var running = supervisor.running(ZIPKIN);
        if (running.isPresent()) {
            options.out().println("  " + ZIPKIN + " already running (pid " + running.get().pid() + ")");
            return running.get();
        }
        int port = options.ports().zipkin();
        // --server.address does not bind Zipkin 3's Armeria server; its port list does.
        List<String> command = List.of(Installation.java(), "-Xmx256m", "-XX:+UseSerialGC",
                "-jar", jar(options.repoRoot()).toString(),
                "--armeria.ports[0].ip=127.0.0.1", "--armeria.ports[0].port=" + port,
                "--armeria.ports[0].protocols[0]=http");
        ProcessHandle process = supervisor.spawn(ZIPKIN, command,
                Map.of("STORAGE_TYPE", "mem", "MEM_MAX_SPANS", Integer.toString(MAX_SPANS)),
                ServiceStarter.NOT_INHERITED, options.runDir().log(ZIPKIN));
        options.out().println("  " + ZIPKIN + " starting on " + url(options.ports()) + " (pid " + process.pid() + ")");
        return process;
    }
}
