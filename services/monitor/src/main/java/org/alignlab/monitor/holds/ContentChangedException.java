package org.alignlab.monitor.holds;

import java.util.UUID;
import org.alignlab.contracts.problem.Problem;
import org.alignlab.platform.http.ProblemException;

/** An approval refused because the stored action is not the content that was proposed and approved: a 409. */
class ContentChangedException extends ProblemException {

    static final String CONTENT_CHANGED = Problem.TYPE_BASE + "content-changed";

    ContentChangedException(UUID actionId, String detail) {
        super(new Problem(CONTENT_CHANGED, "Action content changed", 409, "action " + actionId + ": " + detail,
                null));
    }
}
