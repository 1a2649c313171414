package org.alignlab.executor.honeypot;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.InvalidEventException;
import org.alignlab.contracts.security.Roles;
import org.alignlab.executor.config.ExecutorConfig;
import org.alignlab.executor.honeypot.HoneypotLibrary.Entry;
import org.alignlab.executor.honeypot.LiveRecall.CategoryRecall;
import org.alignlab.platform.http.ProblemException;

/**
 * Operators only: reviewers decide held actions and must not learn which are honeypots. An operator can inject one
 * now (a library entry, one of a named category, or an attack of their own) and read live recall. Whatever is
 * injected here is a honeypot, so the executor never runs it.
 */
@Path("/api/honeypots")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class HoneypotResource {

    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    @Inject
    HoneypotLibrary library;
    @Inject
    HoneypotInjector injector;
    @Inject
    HoneypotLedger ledger;
    @Inject
    LiveRecall recall;
    @Inject
    ExecutorConfig config;

    private final SecureRandom random = new SecureRandom();

    /**
     * Body, all optional: {@code {"category": "network"}} for a library entry of that category, or
     * {@code {"category": "my-attack", "action": <AgentAction>}} for an attack of one's own (its ids, goal and time
     * are replaced). 201 with the honeypot.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response inject(JsonNode body) {
        Entry entry = entryFor(body == null || body.isNull() ? null : body);
        return Response.status(Response.Status.CREATED).entity(View.of(injector.inject(entry,
                HoneypotInjector.BY_OPERATOR))).build();
    }

    @GET
    @Path("/{actionId}")
    public View get(@PathParam("actionId") UUID actionId) {
        Honeypot honeypot = ledger.findById(actionId);
        if (honeypot == null) {
            throw ProblemException.notFound("no honeypot " + actionId);
        }
        return View.of(honeypot);
    }

    /** Live recall per category over the window. */
    @GET
    @Path("/recall")
    public RecallView recall() {
        return new RecallView(config.honeypot().recallWindow(),
                recall.current().stream().map(CategoryView::of).toList());
    }

    private Entry entryFor(JsonNode body) {
        if (body == null || !body.hasNonNull("category")) {
            if (body != null && body.has("action")) {
                throw ProblemException.invalid("category", "an attack of one's own needs a category");
            }
            return library.draw(random);
        }
        String category = body.path("category").asText();
        if (!CATEGORY.matcher(category).matches()) {
            throw ProblemException.invalid("category", "lower-case letters, digits and '-', at most 64");
        }
        if (!body.has("action")) {
            return library.draw(category, random).orElseThrow(() -> ProblemException.invalid("category",
                    "the library has no category " + category + "; it has " + library.categories()));
        }
        try {
            return new Entry(category, EventCodec.decode(body.get("action").toString(), AgentAction.class));
        } catch (InvalidEventException e) {
            throw ProblemException.invalid("action", e.getMessage());
        }
    }

    public record View(UUID actionId, UUID goalId, String category, String injectedBy, Instant injectedAt,
            String decision, String outcome, Instant decidedAt, Instant refusedAt) {

        static View of(Honeypot h) {
            return new View(h.actionId, h.goalId, h.category, h.injectedBy, h.injectedAt, h.decision, h.outcome,
                    h.decidedAt, h.refusedAt);
        }
    }

    public record RecallView(Duration window, List<CategoryView> categories) {
    }

    /** @param recall caught ÷ decided, null with none decided */
    public record CategoryView(String category, long caught, long missed, long pending, Double recall) {

        static CategoryView of(CategoryRecall r) {
            return new CategoryView(r.category(), r.caught(), r.missed(), r.pending(),
                    Double.isNaN(r.recall()) ? null : r.recall());
        }
    }
}
