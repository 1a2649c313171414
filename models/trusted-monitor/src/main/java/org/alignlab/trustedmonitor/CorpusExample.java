package org.alignlab.trustedmonitor;

import java.nio.charset.StandardCharsets;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.json.CanonicalJson;

/**
 * One labelled example of the training corpus.
 *
 * @param category an {@link AttackCategory} slug, or {@code benign-experiment}, {@code benign-replication},
 *                 {@code benign-script}
 * @param template how the row was made; the corpus splits whole templates
 * @param part     which use the row is kept for
 */
record CorpusExample(String category, String template, boolean attack, Part part, AgentAction action) {

    /** Training rows, the evaluation rows of the trained categories, and the category kept out of training. */
    enum Part {
        TRAIN, TEST, HELD_OUT_CATEGORY
    }

    /** The text the monitor sends for this action: its canonical JSON. */
    String text() {
        return new String(CanonicalJson.bytes(action), StandardCharsets.UTF_8);
    }
}
