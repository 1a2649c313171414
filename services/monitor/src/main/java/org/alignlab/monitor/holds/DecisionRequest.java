package org.alignlab.monitor.holds;

/**
 * A reviewer's decision on a held action: {@code APPROVE} or {@code DENY}, and why. Taken as text so that a bad
 * value is answered with a 400 naming the field rather than a deserialisation error.
 *
 * @param contentHash the {@code contentHash} of the action as the reviewer read it; required to approve, so that
 *                    an approval can only ever release that exact content
 */
public record DecisionRequest(String decision, String reason, String contentHash) {
}
