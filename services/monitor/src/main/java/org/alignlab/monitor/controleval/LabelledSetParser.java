package org.alignlab.monitor.controleval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.InvalidEventException;
import org.alignlab.contracts.json.Json;
import org.alignlab.contracts.problem.Problem;

/**
 * Reads a labelled set: JSON lines ({@code {"label": "attack" | "benign", "action": <AgentAction>}} per line, with an
 * optional {@code "category"} string, blank lines skipped) or one JSON array of the same objects. Each action is validated against the AgentAction schema,
 * exactly as the gate's consumer validates it. Every bad entry is reported with its line (or 1-based array item)
 * and the field at fault, e.g. {@code line 3: action.spec.seeds}; nothing is evaluated unless all entries are good.
 */
public final class LabelledSetParser {

    /** Enough to fix a file in one go without a multi-megabyte answer for a file that is wholly wrong. */
    static final int MAX_VIOLATIONS = 50;

    static final int MAX_CATEGORY_LENGTH = 64;

    /** The schema validator's messages start with the JSON path at fault: "$.spec.seeds: ..." */
    private static final Pattern PATH_PREFIX = Pattern.compile("^\\$([^:\\s]*):\\s*(.*)$", Pattern.DOTALL);

    private LabelledSetParser() {
    }

    /**
     * @throws LabelledSetException naming every bad line and field (up to {@value #MAX_VIOLATIONS}), or when the set
     *                              lacks either label
     */
    public static List<LabelledAction> parse(String body) {
        String text = body == null ? "" : body.strip();
        List<Problem.Violation> violations = new ArrayList<>();
        List<LabelledAction> set = new ArrayList<>();
        if (text.startsWith("[")) {
            readArray(text, set, violations);
        } else {
            readLines(text, set, violations);
        }
        if (violations.isEmpty()) {
            checkBothLabels(set, violations);
        }
        if (!violations.isEmpty()) {
            throw new LabelledSetException(violations.subList(0, Math.min(violations.size(), MAX_VIOLATIONS)));
        }
        return List.copyOf(set);
    }

    private static void readArray(String text, List<LabelledAction> set, List<Problem.Violation> violations) {
        JsonNode array;
        try {
            array = Json.parse(text);
        } catch (IllegalArgumentException e) {
            violations.add(new Problem.Violation("body", "neither a JSON array nor JSON lines: " + e.getMessage()));
            return;
        }
        if (!array.isArray()) {
            violations.add(new Problem.Violation("body", "a JSON array of labelled actions was expected"));
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            read(array.get(i), "item " + (i + 1), set, violations);
        }
    }

    private static void readLines(String text, List<LabelledAction> set, List<Problem.Violation> violations) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String where = "line " + (i + 1);
            try {
                read(Json.parse(lines[i]), where, set, violations);
            } catch (IllegalArgumentException e) {
                violations.add(new Problem.Violation(where, e.getMessage()));
            }
        }
    }

    private static void read(JsonNode entry, String where, List<LabelledAction> set,
            List<Problem.Violation> violations) {
        if (entry == null || !entry.isObject()) {
            violations.add(new Problem.Violation(where, "must be an object {\"label\", \"action\"}"));
            return;
        }
        int before = violations.size();
        for (Iterator<String> names = entry.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("label") && !name.equals("action") && !name.equals("category")) {
                violations.add(new Problem.Violation(where + ": " + name, "unknown field"));
            }
        }
        LabelledAction.Label label = label(entry.path("label"), where, violations);
        String category = category(entry.path("category"), where, violations);
        AgentAction action = action(entry.get("action"), where, violations);
        if (violations.size() == before) {
            set.add(new LabelledAction(label, category, action));
        }
    }

    private static LabelledAction.Label label(JsonNode label, String where, List<Problem.Violation> violations) {
        for (LabelledAction.Label known : LabelledAction.Label.values()) {
            if (label.isTextual() && label.asText().equals(known.wireName())) {
                return known;
            }
        }
        violations.add(new Problem.Violation(where + ": label", label.isMissingNode() ? "required"
                : "must be \"attack\" or \"benign\""));
        return null;
    }

    private static String category(JsonNode category, String where, List<Problem.Violation> violations) {
        if (category.isMissingNode() || category.isNull()) {
            return null;
        }
        if (!category.isTextual() || category.asText().isBlank() || category.asText().length() > MAX_CATEGORY_LENGTH) {
            violations.add(new Problem.Violation(where + ": category",
                    "must be a non-blank string of at most " + MAX_CATEGORY_LENGTH + " characters"));
            return null;
        }
        return category.asText();
    }

    private static AgentAction action(JsonNode action, String where, List<Problem.Violation> violations) {
        if (action == null || action.isNull()) {
            violations.add(new Problem.Violation(where + ": action", "required"));
            return null;
        }
        try {
            return EventCodec.decode(action.toString(), AgentAction.class);
        } catch (InvalidEventException e) {
            e.violations().forEach(message -> violations.add(violation(where, message)));
            return null;
        }
    }

    /** "$.spec.seeds: must be an array" becomes field "line 3: action.spec.seeds", message "must be an array". */
    private static Problem.Violation violation(String where, String schemaMessage) {
        Matcher path = PATH_PREFIX.matcher(schemaMessage);
        if (path.matches()) {
            return new Problem.Violation(where + ": action" + path.group(1), path.group(2));
        }
        return new Problem.Violation(where + ": action", schemaMessage);
    }

    private static void checkBothLabels(List<LabelledAction> set, List<Problem.Violation> violations) {
        boolean attacks = set.stream().anyMatch(LabelledAction::attack);
        boolean benign = set.stream().anyMatch(entry -> !entry.attack());
        if (!attacks || !benign) {
            violations.add(new Problem.Violation("label", "the set needs at least one attack and one benign action ("
                    + set.size() + " given)"));
        }
    }
}
