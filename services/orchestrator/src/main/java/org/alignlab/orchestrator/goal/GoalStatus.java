package org.alignlab.orchestrator.goal;

/** Where a goal stands. Every status but {@link #RUNNING} is final. */
public enum GoalStatus {
    RUNNING,
    /** The round settled and at least one action succeeded or was reviewed. */
    COMPLETED,
    /** The round settled without any action that succeeded or was reviewed (for example, all were blocked). */
    FAILED,
    /** The wall-clock budget ran out first; the report holds what had arrived. */
    TIMED_OUT;

    public boolean isFinal() {
        return this != RUNNING;
    }
}
