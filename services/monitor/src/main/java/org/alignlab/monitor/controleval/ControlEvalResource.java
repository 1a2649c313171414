package org.alignlab.monitor.controleval;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.alignlab.contracts.security.Roles;

/**
 * The operator's control evaluation: a labelled set in, safety and usefulness per audit budget, ROC AUC and a ROC
 * plot out. Scores with the gate's real code and changes nothing (see {@link ControlEvaluation}).
 */
@Path("/api/control-eval")
public class ControlEvalResource {

    /** JSON lines; {@code application/json} for a JSON array of the same objects. */
    static final String JSON_LINES = "application/x-ndjson";

    @Inject
    ControlEvaluation evaluation;

    /**
     * Evaluates {@code {"label": "attack" | "benign", "action": <AgentAction>}} entries, one per line or as an array.
     * A bad entry is a 400 naming its line and field; a model outage a 503.
     */
    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Consumes({JSON_LINES, "application/jsonl", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public ControlEvalReport evaluate(String body) {
        return evaluation.evaluate(LabelledSetParser.parse(body));
    }
}
