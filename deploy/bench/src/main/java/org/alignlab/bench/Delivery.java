package org.alignlab.bench;

/**
 * Whether every action of a phase got exactly what it should: one verdict (gate only) and one ticket or echo
 * per action that needs one.
 *
 * @param lost actions still missing their verdict or their ticket (echo) when the phase ended
 * @param notAllowed actions the gate did not ALLOW (benign ones should all be allowed; these get no ticket)
 * @param unexpectedCompletions tickets for actions whose verdict was not ALLOW: the gate's worst failure
 * @param unknown replies for no action of this phase (late duplicates of an earlier phase, or a foreign producer)
 */
record Delivery(int sent, int lost, int missingVerdicts, int duplicateVerdicts, int notAllowed, int missingCompletions,
        int duplicateCompletions, int unexpectedCompletions, int unknown) {

    /** Nothing missing: every action has its verdict and, where one is due, its ticket or echo. */
    boolean noLoss() {
        return lost == 0;
    }

    /** Nothing twice, and no ticket that should not exist. */
    boolean noDuplicates() {
        return duplicated() == 0;
    }

    int duplicated() {
        return duplicateVerdicts + duplicateCompletions + unexpectedCompletions;
    }
}
