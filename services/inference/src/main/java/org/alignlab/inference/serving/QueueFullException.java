package org.alignlab.inference.serving;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
import org.alignlab.contracts.problem.Problem;
import org.alignlab.platform.http.ProblemException;

/**
 * A model's queue is full: the request is refused at once (503 {@code queue-full} with {@code Retry-After}) rather
 * than queued without bound.
 */
public class QueueFullException extends ProblemException {

    static final String QUEUE_FULL = Problem.TYPE_BASE + "queue-full";

    public QueueFullException(String model, int capacity) {
        super(new Problem(QUEUE_FULL, "Queue full", 503,
                "the queue of model " + model + " is full (" + capacity + " requests waiting)", null),
                Map.of(HttpHeaders.RETRY_AFTER, EngineProblemMappers.RETRY_BUSY_SECONDS));
    }
}
