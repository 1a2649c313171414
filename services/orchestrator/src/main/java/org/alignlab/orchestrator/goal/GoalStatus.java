package org.alignlab.orchestrator.goal;

/** Where a goal stands. Every status but {@link #RUNNING} is final; {@code endReason} says why it ended. */
public enum GoalStatus {
    RUNNING,
    /** Its last round closed and some experiment produced evidence (decision 0007). */
    COMPLETED,
    /** Its last round closed without any experiment that succeeded (for example, all were blocked). */
    FAILED,
    /** The wall-clock budget ran out first; the report holds what had arrived. */
    TIMED_OUT,
    /** The compute budget ran out mid-round; the report holds what had arrived. */
    BUDGET_EXHAUSTED,
    /** A researcher cancelled it; the report holds what had arrived. */
    CANCELLED;

    public boolean isFinal() {
        return this != RUNNING;
    }
}
