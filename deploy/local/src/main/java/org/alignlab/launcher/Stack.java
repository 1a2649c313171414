package org.alignlab.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.alignlab.infra.Directories;

/**
 * A whole local platform: PostgreSQL, Kafka, the trace backend (Zipkin) and every service, as separate processes
 * recorded in a run directory. What {@code alignlab up/down/status} do, and what the end-to-end test calls.
 */
public final class Stack {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final StackOptions options;
    private final PrintStream out;
    private final ProcessSupervisor supervisor;
    private final ServiceStarter services;
    private final HealthWaiter health;

    private Stack(StackOptions options) {
        this.options = options;
        this.out = options.out();
        this.supervisor = new ProcessSupervisor(options.runDir().pids());
        this.services = new ServiceStarter(options, supervisor);
        this.health = new HealthWaiter(out);
    }

    /** A handle on the stack these options describe; starts nothing. */
    public static Stack of(StackOptions options) {
        return new Stack(options);
    }

    /** The stack as it runs, started first (everything, and waiting until every service is ready) when it is not up. */
    public static Stack running(StackOptions options) throws IOException {
        Stack stack = of(options);
        if (!stack.isUp()) {
            stack.up();
        }
        return stack;
    }

    /** Starts the stack (or what is missing of it) and waits until every service is ready. */
    public static Stack up(StackOptions options) throws IOException {
        Stack stack = of(options);
        stack.up();
        return stack;
    }

    /** One line of {@code status}. {@code pid} is null when nothing is recorded. */
    public record StatusRow(String component, Long pid, boolean alive, boolean ready) {
    }

    public StackOptions options() {
        return options;
    }

    public URI url(Service service) {
        return services.url(service);
    }

    public Map<Service, URI> urls() {
        Map<Service, URI> urls = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            urls.put(s, url(s));
        }
        return urls;
    }

    public void up() throws IOException {
        new Bubblewrap(out).ensureInstalled();
        RunDir run = options.runDir();
        run.create();
        requireJars();
        if (isUp()) {
            out.println("AlignLab is already up in " + run.root() + "; checking health");
        } else {
            requireFreePorts();
        }
        Files.writeString(run.portOffsetFile(), options.ports().offset() + "\n");
        SigningKeys keys = SigningKeys.loadOrCreate(run, SigningKeys.MONITOR);
        SigningKeys executorKeys = SigningKeys.loadOrCreate(run, SigningKeys.EXECUTOR);
        LocalTokens tokens = LocalTokens.loadOrCreate(run);
        InfraStarter infra = new InfraStarter(options, supervisor);
        DatabaseLogins database = infra.postgres();
        KafkaLogins kafka = infra.kafka();
        new DjlCacheWarmer(out).warm(ServiceStarter.experimentsJar(options.repoRoot()), run.djlCache(),
                run.log("djl-warmup"));

        out.println("Services:");
        ServiceStarter.Wiring wiring = new ServiceStarter.Wiring(kafka, database, keys, executorKeys, tokens);
        List<HealthWaiter.Target> targets = new ArrayList<>();
        ProcessHandle zipkin = new TraceBackend(options, supervisor).start();
        targets.add(new HealthWaiter.Target(TraceBackend.ZIPKIN, TraceBackend.url(options.ports()),
                TraceBackend.HEALTH, run.log(TraceBackend.ZIPKIN), zipkin::isAlive));
        for (Service service : Service.values()) {
            ProcessHandle process = services.start(service, wiring);
            targets.add(new HealthWaiter.Target(service.id(), url(service), run.log(service.id()), process::isAlive));
        }
        out.println("Waiting for every service to be ready (up to " + options.readyTimeout().toSeconds() + " s)");
        health.awaitAll(targets, options.readyTimeout());

        EnvFile env = new EnvFile(urls(), database.jdbcUrl(), kafka.as(EnvFile.AUDIT_VERIFIER),
                database.as(EnvFile.AUDITOR), keys.publicKey(),
                executorKeys.publicKey(), run.root(), tokens.forPeople());
        env.write(run.envFile());
        out.println("AlignLab is up. URLs (also in " + run.envFile() + "):");
        for (Service service : Service.values()) {
            out.printf("  %-13s %s%n", service.id(), url(service));
        }
        out.printf("  %-13s %s%n", "traces", TraceBackend.url(options.ports()).resolve("/zipkin/"));
    }

    /** The stack's bearer tokens: what people and the launcher itself call the services' APIs with. */
    public LocalTokens tokens() throws IOException {
        return LocalTokens.loadOrCreate(options.runDir());
    }

    /** True when every process this stack starts itself is recorded, alive and ours. */
    public boolean isUp() {
        return ownComponents().stream().allMatch(name -> supervisor.running(name).isPresent());
    }

    /**
     * Stops services first (they still have a broker and database to say goodbye to, and spans to send), then
     * Zipkin and Kafka, then the PostgreSQL JVM and finally the PostgreSQL server should it have outlived its JVM.
     */
    public List<ProcessSupervisor.Stopped> down(boolean purge) throws IOException {
        List<ProcessSupervisor.Stopped> stopped = new ArrayList<>();
        stopped.addAll(supervisor.stop(Stream.of(Service.values()).map(Service::id).toList(), STOP_GRACE));
        stopped.addAll(supervisor.stop(List.of(TraceBackend.ZIPKIN), STOP_GRACE));
        stopped.addAll(supervisor.stop(List.of(InfraStarter.KAFKA), STOP_GRACE));
        stopped.addAll(supervisor.stop(List.of(InfraStarter.POSTGRES), STOP_GRACE));
        stopped.addAll(supervisor.stop(List.of(InfraStarter.POSTGRES_SERVER), STOP_GRACE));
        for (ProcessSupervisor.Stopped s : stopped) {
            out.println(switch (s.outcome()) {
                case STOPPED -> "stopped " + s.name() + " (pid " + s.pid() + ")";
                case KILLED -> "killed " + s.name() + " (pid " + s.pid() + ") after " + STOP_GRACE.toSeconds() + " s";
                case NOT_RUNNING -> s.name() + " had already stopped (pid " + s.pid() + ")";
                case NOT_OURS -> s.name() + ": pid " + s.pid() + " now belongs to another program; left it alone";
            });
        }
        if (stopped.isEmpty()) {
            out.println("nothing running in " + options.runDir().root());
        }
        if (purge) {
            Directories.deleteRecursively(options.runDir().data());
            out.println("deleted " + options.runDir().data());
        }
        return stopped;
    }

    public List<StatusRow> status() {
        List<StatusRow> rows = new ArrayList<>();
        Ports ports = options.ports();
        rows.add(infraRow(InfraStarter.POSTGRES, ports.postgres()));
        rows.add(infraRow(InfraStarter.POSTGRES_SERVER, ports.postgres()));
        rows.add(infraRow(InfraStarter.KAFKA, ports.kafka()));
        rows.add(infraRow(TraceBackend.ZIPKIN, ports.zipkin()));
        for (Service service : Service.values()) {
            Optional<ProcessHandle> process = supervisor.running(service.id());
            rows.add(new StatusRow(service.id(), recorded(service.id()), process.isPresent(),
                    process.isPresent() && health.isReady(url(service))));
        }
        return rows;
    }

    /** Every pid this run directory records, by component. */
    public Map<String, Long> recordedPids() throws IOException {
        return supervisor.recordedPids();
    }

    private StatusRow infraRow(String name, int port) {
        boolean alive = supervisor.running(name).isPresent();
        return new StatusRow(name, recorded(name), alive, alive && HealthWaiter.portOpen(port));
    }

    private Long recorded(String name) {
        var pid = supervisor.recordedPid(name);
        return pid.isPresent() ? pid.getAsLong() : null;
    }

    private List<String> ownComponents() {
        List<String> names = new ArrayList<>();
        if (options.externalDatabase() == null) {
            names.add(InfraStarter.POSTGRES);
        }
        if (options.externalKafka() == null) {
            names.add(InfraStarter.KAFKA);
        }
        names.add(TraceBackend.ZIPKIN);
        Stream.of(Service.values()).map(Service::id).forEach(names::add);
        return names;
    }

    private void requireJars() {
        List<Path> missing = new ArrayList<>();
        for (Service service : Service.values()) {
            if (!Files.isRegularFile(service.jar(options.repoRoot()))) {
                missing.add(service.jar(options.repoRoot()));
            }
        }
        for (Path jar : List.of(ServiceStarter.experimentsJar(options.repoRoot()),
                TraceBackend.jar(options.repoRoot()))) {
            if (!Files.isRegularFile(jar)) {
                missing.add(jar);
            }
        }
        if (!missing.isEmpty()) {
            throw new LauncherException("missing " + missing + "; build them with `mvn -B -ntp -DskipTests install`"
                    + " in " + options.repoRoot() + " (deploy/local/alignlab does this by itself)");
        }
    }

    /** A port held by something that is not this stack's own running process means we cannot start. */
    private void requireFreePorts() {
        Ports ports = options.ports();
        Map<String, Integer> needed = new LinkedHashMap<>();
        if (options.externalDatabase() == null && supervisor.running(InfraStarter.POSTGRES).isEmpty()) {
            needed.put("postgres", ports.postgres());
        }
        if (options.externalKafka() == null && supervisor.running(InfraStarter.KAFKA).isEmpty()) {
            needed.put("kafka", ports.kafka());
            needed.put("kafka controller", ports.kafkaController());
        }
        if (supervisor.running(TraceBackend.ZIPKIN).isEmpty()) {
            needed.put(TraceBackend.ZIPKIN, ports.zipkin());
        }
        for (Service service : Service.values()) {
            if (supervisor.running(service.id()).isEmpty()) {
                needed.put(service.id(), ports.service(service));
            }
        }
        List<String> taken = needed.entrySet().stream()
                .filter(e -> Ports.inUse(e.getValue()))
                .map(e -> e.getValue() + " (" + e.getKey() + ")")
                .toList();
        if (!taken.isEmpty()) {
            throw new LauncherException("port(s) " + String.join(", ", taken) + " already in use by a process this "
                    + "run directory did not start. Stop it, run `alignlab down` if it is left over from an earlier "
                    + "run, or move the whole stack with ALIGNLAB_PORT_OFFSET (now " + ports.offset() + ").");
        }
    }
}
