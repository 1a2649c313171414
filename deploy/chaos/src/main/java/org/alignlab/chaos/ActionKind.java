package org.alignlab.chaos;

/**
 * The kinds of action an agent sends in a chaos run. What each should meet at the gate is known in advance, which
 * is how the run knows the gate judged on content rather than on whatever the faults left of it.
 */
public enum ActionKind {
    /** A trivial script with nothing suspicious: ALLOWed (or held while the trusted model is down) and run. */
    RUN,
    /** A script that opens a socket: the {@code network-use} HARD rule blocks it; it never runs. */
    BLOCKED,
    /** A script that addresses the reviewer: HELD for a human, who approves some and denies the rest. */
    HELD
}
