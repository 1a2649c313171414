package org.alignlab.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.alignlab.contracts.json.Json;

/** Waits for services to report ready, and answers whether one is ready now. */
public final class HealthWaiter {

    private static final Duration POLL = Duration.ofSeconds(1);
    private static final int TAIL_LINES = 30;
    private static final String QUARKUS_READY = "/q/health/ready";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final PrintStream out;

    public HealthWaiter(PrintStream out) {
        this.out = out;
    }

    /**
     * One thing to wait for.
     *
     * @param alive false once its process has exited, so a crash fails fast instead of at the timeout
     */
    public record Target(String name, URI baseUrl, String healthPath, Path log, BooleanSupplier alive) {

        /** A Quarkus service: ready when {@code /q/health/ready} says so. */
        public Target(String name, URI baseUrl, Path log, BooleanSupplier alive) {
            this(name, baseUrl, QUARKUS_READY, log, alive);
        }
    }

    /** True when {@code GET /q/health/ready} answers {@code {"status":"UP"}}. */
    public boolean isReady(URI baseUrl) {
        return isUp(baseUrl.resolve(QUARKUS_READY));
    }

    /** True when {@code GET healthUrl} answers {@code {"status":"UP"}}, as Quarkus and Zipkin both do. */
    public boolean isUp(URI healthUrl) {
        HttpRequest request = HttpRequest.newBuilder(healthUrl)
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            JsonNode body = Json.parse(response.body());
            return "UP".equals(body.path("status").asText());
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** True when something accepts connections on the loopback port. */
    public static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits until every target is ready, printing each as it becomes so. Fails with the tail of the log of the
     * first target that died or, at the timeout, of the first one still not ready.
     */
    public void awaitAll(List<Target> targets, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Set<Target> pending = new LinkedHashSet<>(targets);
        while (!pending.isEmpty()) {
            for (Target target : new ArrayList<>(pending)) {
                if (isUp(target.baseUrl().resolve(target.healthPath()))) {
                    pending.remove(target);
                    out.printf("  %-13s ready  %s  (%d s)%n", target.name(), target.baseUrl(),
                            Duration.ofNanos(System.nanoTime() - start).toSeconds());
                } else if (!target.alive().getAsBoolean()) {
                    throw failure(target, target.name() + " exited before it became ready");
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                Target first = pending.iterator().next();
                throw failure(first, first.name() + " not ready after " + timeout.toSeconds() + " s");
            }
            sleep(POLL);
        }
    }

    private static LauncherException failure(Target target, String what) {
        return new LauncherException(what + "; last " + TAIL_LINES + " lines of " + target.log() + ":\n"
                + String.join("\n", tail(target.log(), TAIL_LINES)));
    }

    /** The last lines of a file; empty when it does not exist yet. */
    public static List<String> tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            List<String> all = Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }
}
