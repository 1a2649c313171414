package org.alignlab.monitor.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.inject.Inject;
import java.io.IOException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.json.SafeText;
import org.alignlab.contracts.json.Sha256;
import org.alignlab.platform.messaging.DeadLettered;
import org.alignlab.platform.messaging.FailureKind;
import org.jboss.logging.Logger;

/**
 * Puts every record the monitor gives up on into the audit chain as {@code DEAD_LETTERED}: an agent action that was
 * never decided (and so never runs), or an executor's report the chain could not take. A reviewer reading an action's
 * timeline sees why it has no verdict, and the record's hash binds the exact bytes that were set aside. The ids are
 * taken from the record when it names them; the detail is the policy's reason, made safe to store.
 */
@ApplicationScoped
class DeadLetteredRecords {

    static final String DEAD_LETTERED = "DEAD_LETTERED";
    private static final Logger LOG = Logger.getLogger(DeadLetteredRecords.class);
    private static final Set<String> AUDITED_TOPICS = Set.of(Topics.AGENT_ACTIONS, Topics.AUDIT_EVENTS);
    private static final long RETRY_MILLIS = 1000;
    private static final int MAX_DETAIL = 4000;
    /** Jackson's own defaults, not the events' limits: it must read a record the events' parser refused. */
    private static final JsonFactory LENIENT = new JsonFactory();

    @Inject
    AuditLog auditLog;

    void onDeadLettered(@Observes DeadLettered dead) {
        if (!AUDITED_TOPICS.contains(dead.topic())) {
            return;
        }
        AuditFacts facts = facts(dead);
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> auditLog.append(facts));
                return;
            } catch (RuntimeException e) {
                if (FailureKind.of(e) != FailureKind.TRANSIENT) {
                    LOG.errorf(e, "a dead-lettered %s record could not be audited", dead.topic());
                    return;
                }
                // The database is away: the record waits for it, as every consumer of the monitor does.
                sleep();
            }
        }
    }

    static AuditFacts facts(DeadLettered dead) {
        Map<String, String> ids = topLevelStrings(dead.payload(), Set.of("id", "goalId", "actionId"));
        String actionId = Topics.AGENT_ACTIONS.equals(dead.topic()) ? ids.get("id") : ids.get("actionId");
        String detail = SafeText.sanitize(dead.topic() + " record dead-lettered: " + dead.reason(), MAX_DETAIL, true);
        return new AuditFacts(DEAD_LETTERED, uuid(ids.get("goalId")), uuid(actionId), null, AuditLog.MONITOR, null,
                Sha256.hex(dead.payload() == null ? new byte[0] : dead.payload().getBytes(StandardCharsets.UTF_8)),
                null, null, null, null, detail);
    }

    /**
     * The named top-level string fields of a record that may be anything at all (that is why it was dead-lettered):
     * read token by token, everything else skipped unread, stopping at the first thing that is not JSON.
     */
    static Map<String, String> topLevelStrings(String payload, Set<String> names) {
        Map<String, String> found = new HashMap<>();
        if (payload == null) {
            return found;
        }
        try (JsonParser parser = LENIENT.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return found;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && names.contains(name)) {
                    found.putIfAbsent(name, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException | RuntimeException notJson) {
            // Keep what was read before the record stopped being JSON.
        }
        return found;
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while auditing a dead-lettered record", e);
        }
    }
}
