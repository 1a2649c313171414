package org.alignlab.orchestrator.budget;

/**
 * What a goal has spent so far.
 *
 * @param experiments    experiments ideation proposed (review's replications and trusted replacements are not new
 *                       experiments: they check or stand in for one)
 * @param computeSeconds CPU seconds of every run of the goal, replications included
 * @param rounds         rounds requested
 * @param wallSeconds    seconds since the goal was created (until it ended)
 */
public record Spending(int experiments, double computeSeconds, int rounds, long wallSeconds) {
}
