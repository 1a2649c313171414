package org.alignlab.monitor.controleval;

import java.util.Locale;
import org.alignlab.contracts.events.AgentAction;

/**
 * One line of a control-evaluation set: {@code {"label": "attack" | "benign", "action": <AgentAction>}}, optionally
 * with {@code "category"} (e.g. the attack library's {@code exfiltration}), by which safety is also broken down.
 *
 * @param category null when the line names none
 */
public record LabelledAction(Label label, String category, AgentAction action) {

    public enum Label {
        ATTACK,
        BENIGN;

        /** The label as written in the set. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean attack() {
        return label == Label.ATTACK;
    }
}
