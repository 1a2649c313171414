package org.alignlab.executor.ticket;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.alignlab.contracts.json.Json;
import org.jboss.logging.Logger;

/**
 * Reads one audit record from the monitor's {@code GET /api/audit/records/{seq}}. Only a 200 or a 404 is an
 * answer; everything else (unreachable, timeout, 5xx, our token refused) is {@link MonitorUnavailableException},
 * so the ticket waits rather than being run or refused on a guess.
 */
public class MonitorAuditClient implements AuditRecordSource {

    private static final Logger LOG = Logger.getLogger(MonitorAuditClient.class);

    private final HttpClient http;
    private final URI records;
    private final URI executions;
    private final Optional<String> token;
    private final Duration timeout;
    private final TextMapPropagator propagator;

    /**
     * @param monitorUrl the monitor's base URL
     * @param token      the bearer token for the monitor's audit API; checked at use, so a missing one holds every
     *                   ticket back (and says so) instead of stopping the service
     * @param propagator carries the ticket's trace to the monitor, so the lookup shows in the action's trace
     */
    public MonitorAuditClient(URI monitorUrl, Optional<String> token, Duration timeout, TextMapPropagator propagator) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.records = URI.create(monitorUrl.toString().replaceAll("/+$", "") + "/api/audit/records/");
        this.executions = URI.create(monitorUrl.toString().replaceAll("/+$", "") + "/api/audit/executions/");
        this.token = token.filter(t -> !t.isBlank());
        this.timeout = timeout;
        this.propagator = propagator;
    }

    @Override
    public Optional<MonitorAuditRecord> find(long seq) {
        HttpResponse<String> response = get(records.resolve(Long.toString(seq)));
        return switch (response.statusCode()) {
            case 200 -> Optional.of(parse(seq, response.body()));
            case 404 -> Optional.empty();
            case 401, 403 -> {
                LOG.errorf("the monitor refused the executor's token (HTTP %d) reading audit record %d: tickets "
                        + "wait until alignlab.executor.monitor-token is fixed", response.statusCode(), seq);
                throw new MonitorUnavailableException("monitor refused the executor's token: HTTP "
                        + response.statusCode());
            }
            default -> {
                LOG.warnf("the monitor answered HTTP %d for audit record %d; the ticket waits",
                        response.statusCode(), seq);
                throw new MonitorUnavailableException("monitor answered HTTP " + response.statusCode()
                        + " for audit record " + seq);
            }
        };
    }

    @Override
    public List<MonitorAuditRecord> executionsOf(UUID actionId) {
        HttpResponse<String> response = get(executions.resolve(actionId.toString()));
        if (response.statusCode() != 200) {
            LOG.warnf("the monitor answered HTTP %d for the executions of action %s; the ticket waits",
                    response.statusCode(), actionId);
            throw new MonitorUnavailableException("monitor answered HTTP " + response.statusCode()
                    + " for the executions of action " + actionId);
        }
        try {
            return List.of(Json.mapper().readValue(response.body(), MonitorAuditRecord[].class));
        } catch (IOException e) {
            throw new MonitorUnavailableException("unreadable executions of action " + actionId, e);
        }
    }

    private HttpResponse<String> get(URI uri) {
        String bearer = token.orElseThrow(() -> {
            LOG.error("alignlab.executor.monitor-token is not set: no ticket can be checked against the audit log");
            return new MonitorUnavailableException("alignlab.executor.monitor-token is not set");
        });
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearer);
        propagator.inject(Context.current(), request, HttpRequest.Builder::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warnf("monitor unreachable at %s (%s); the ticket waits", uri, e);
            throw new MonitorUnavailableException("monitor unreachable at " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MonitorUnavailableException("interrupted reading " + uri, e);
        }
    }

    /** A 200 that is not a record means we are not talking to the monitor we think: wait, never guess. */
    private static MonitorAuditRecord parse(long seq, String body) {
        try {
            return Json.mapper().readValue(body, MonitorAuditRecord.class);
        } catch (IOException e) {
            LOG.errorf("the monitor's audit record %d is not readable (is alignlab.executor.monitor-url the "
                    + "monitor?): %s", seq, e.getMessage());
            throw new MonitorUnavailableException("unreadable audit record " + seq, e);
        }
    }
}
