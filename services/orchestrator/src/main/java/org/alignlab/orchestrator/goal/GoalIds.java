package org.alignlab.orchestrator.goal;

import java.util.UUID;
import org.alignlab.platform.http.ProblemException;

/**
 * Parses goal ids from paths. JAX-RS answers 404 when a {@code UUID} path parameter does not convert; a
 * malformed id is the client's mistake, so it gets a 400 naming the parameter instead.
 */
public final class GoalIds {

    private GoalIds() {
    }

    public static UUID parse(String raw) {
        try {
            UUID id = UUID.fromString(raw);
            // fromString also accepts short forms such as 1-2-3-4-5; only the canonical form names a goal.
            if (id.toString().equalsIgnoreCase(raw)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ProblemException.invalid("id", "must be a UUID");
    }
}
