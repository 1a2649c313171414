package org.alignlab.orchestrator.progress;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.alignlab.contracts.security.Roles;
import org.alignlab.orchestrator.config.OrchestratorConfig;
import org.alignlab.orchestrator.goal.GoalAccess;
import org.alignlab.orchestrator.goal.GoalIds;
import org.alignlab.platform.http.ProblemException;

/**
 * A goal's progress as server-sent events: every event from the first (or after {@code Last-Event-ID}), in order,
 * then new ones as they are stored, ending with {@code goal-ended}. Events are read from the table rather than
 * pushed from memory, so a late subscriber, a reconnecting one and one served by another instance all see the same
 * numbered sequence.
 */
@Path("/api/goals/{id}/events")
public class ProgressResource {

    @Inject
    GoalAccess access;
    @Inject
    GoalEventRepository events;
    @Inject
    OrchestratorConfig config;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.RESEARCHER, Roles.REVIEWER, Roles.OPERATOR})
    @Blocking
    public Multi<OutboundSseEvent> stream(@PathParam("id") String rawId,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        UUID id = GoalIds.parse(rawId);
        long after = parseLastEventId(lastEventId);
        access.visible(id);
        return Multi.createFrom().emitter(emitter -> {
            AtomicLong last = new AtomicLong(after);
            ScheduledFuture<?> poll = Infrastructure.getDefaultWorkerPool().scheduleWithFixedDelay(
                    () -> emitNew(id, last, emitter, sse), 0, config.eventsPollEvery().toMillis(),
                    TimeUnit.MILLISECONDS);
            emitter.onTermination(() -> poll.cancel(false));
        });
    }

    private void emitNew(UUID goalId, AtomicLong last, MultiEmitter<? super OutboundSseEvent> emitter, Sse sse) {
        if (emitter.isCancelled()) {
            return;
        }
        try {
            List<GoalEvent> fresh = QuarkusTransaction.requiringNew().call(() -> events.after(goalId, last.get()));
            for (GoalEvent event : fresh) {
                emitter.emit(sse.newEventBuilder()
                        .id(Long.toString(event.seq()))
                        .name(event.type())
                        .mediaType(MediaType.TEXT_PLAIN_TYPE)
                        .data(event.data())
                        .build());
                last.set(event.seq());
                if (ProgressType.GOAL_ENDED.wireName().equals(event.type())) {
                    emitter.complete();
                    return;
                }
            }
        } catch (RuntimeException e) {
            emitter.fail(e);
        }
    }

    /** A resuming client names the last event it saw; a value that is not a sequence number is its mistake. */
    private static long parseLastEventId(String raw) {
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        try {
            long seq = Long.parseLong(raw.trim());
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("Last-Event-ID", "must be a non-negative event number");
    }
}
