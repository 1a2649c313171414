package org.alignlab.monitor.holds;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.alignlab.contracts.events.Verdict;

/**
 * The verdict a reviewer's decision produced, as published on {@code monitor.verdicts}.
 *
 * @param ticketId the signed ticket's id, for an approval only
 */
public record DecisionResponse(Verdict verdict, @JsonInclude(JsonInclude.Include.NON_NULL) UUID ticketId) {
}
