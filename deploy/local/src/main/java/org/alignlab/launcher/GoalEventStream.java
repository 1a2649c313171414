package org.alignlab.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.function.Predicate;
import org.alignlab.contracts.json.Json;

/**
 * Reads server-sent events: {@code data:} lines up to a blank line make one event, whose JSON is handed on; the
 * stream ends when the consumer says so (the goal ended) or the server closes it. {@code id:}, {@code event:} and
 * comment lines are not needed, because every event's JSON carries its sequence and type.
 */
final class GoalEventStream {

    private GoalEventStream() {
    }

    /** @return true when {@code untilDone} accepted an event, false when the stream closed first */
    static boolean read(Iterator<String> lines, Predicate<JsonNode> untilDone) throws IOException {
        StringBuilder data = new StringBuilder();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (!data.isEmpty() && untilDone.test(Json.mapper().readTree(data.toString()))) {
                    return true;
                }
                data.setLength(0);
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line.substring("data:".length()).stripLeading());
            }
        }
        return false;
    }
}
