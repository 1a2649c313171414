package org.alignlab.contracts.events;

/** A monitor rule that matched an action. */
public record RuleHit(String ruleId, Severity severity, String detail) {

    /** HARD hits block outright; SOFT hits raise suspicion. */
    public enum Severity {
        SOFT, HARD
    }
}
