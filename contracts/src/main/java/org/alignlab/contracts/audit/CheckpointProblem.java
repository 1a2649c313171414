package org.alignlab.contracts.audit;

/**
 * A checkpoint that does not vouch for the chain: its signature fails, or the database no longer holds what it
 * signed.
 *
 * @param seq    the seq the checkpoint names
 * @param reason what is wrong, in words a reviewer can act on
 */
public record CheckpointProblem(long seq, String reason) {
}
