package org.alignlab.contracts.events;

/** The reviewer's judgement of a claim. */
public enum ReviewVerdict {
    ACCEPTED,
    REJECTED,
    INCONCLUSIVE
}
