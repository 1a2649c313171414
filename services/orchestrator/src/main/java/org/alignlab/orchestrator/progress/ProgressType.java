package org.alignlab.orchestrator.progress;

/** The kinds of progress event, as the SSE {@code event:} field names them. */
public enum ProgressType {
    GOAL_CREATED("goal-created"),
    ROUND_STARTED("round-started"),
    ACTION_PROPOSED("action-proposed"),
    VERDICT("verdict"),
    RESULT("result"),
    REVIEW("review"),
    ROUND_CLOSED("round-closed"),
    /** Always the last event of a goal. */
    GOAL_ENDED("goal-ended");

    private final String wireName;

    ProgressType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
