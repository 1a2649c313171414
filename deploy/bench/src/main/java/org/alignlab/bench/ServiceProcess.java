package org.alignlab.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.alignlab.contracts.json.Json;

/**
 * A JVM the benchmark starts (a service or the echo), optionally pinned to CPUs with {@code taskset}, logging to
 * a file. Stopped by its own handle when the run ends.
 */
final class ServiceProcess implements AutoCloseable {

    /** A benchmark has nothing to lose at the end: a service slow to stop is killed after this. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(500);

    private final String name;
    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code java <JVM options> <args>} with exactly {@code env} plus {@link ServiceEnvironment#INHERITED}.
     *
     * @param cpus a {@code taskset -c} list such as {@code 0,1}, or null to run anywhere
     */
    static ServiceProcess start(String name, List<String> args, Map<String, String> env, String cpus, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        if (cpus != null) {
            // taskset execs the JVM in place, so the pid (and the handle that stops it) is the JVM's.
            command.addAll(List.of("taskset", "-c", cpus));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ServiceEnvironment.JVM_OPTIONS);
        command.addAll(args);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().keySet().retainAll(ServiceEnvironment.INHERITED);
        builder.environment().putAll(env);
        return new ServiceProcess(name, builder.start(), log);
    }

    String name() {
        return name;
    }

    /** Waits for {@code GET /q/health/ready} to answer UP (readiness covers Kafka and the database). */
    void awaitReady(URI baseUrl, Duration timeout) {
        awaitUntil(() -> isReady(baseUrl), timeout, "ready at " + baseUrl.resolve("/q/health/ready"));
    }

    /** Waits for a line starting with {@code prefix} in the log (the echo prints one once it reads its topic). */
    void awaitLogLine(String prefix, Duration timeout) {
        awaitUntil(() -> tail(Integer.MAX_VALUE).stream().anyMatch(line -> line.startsWith(prefix)), timeout,
                "a '" + prefix + "' line");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitUntil(BooleanSupplier done, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (!process.isAlive()) {
                throw failure(name + " exited (status " + process.exitValue() + ") before " + what);
            }
            if (System.nanoTime() > deadline) {
                throw failure(name + " showed no " + what + " within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchException("interrupted while waiting for " + name);
            }
        }
    }

    private boolean isReady(URI baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && "UP".equals(Json.parse(response.body()).path("status").asText());
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private BenchException failure(String what) {
        return new BenchException(what + "; last lines of " + log + ":\n" + String.join("\n", tail(30)));
    }

    private List<String> tail(int lines) {
        try {
            if (!Files.exists(log)) {
                return List.of();
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
