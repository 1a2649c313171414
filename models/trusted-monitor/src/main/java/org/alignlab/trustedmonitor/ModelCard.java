package org.alignlab.trustedmonitor;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Map;
import java.util.Set;
import org.alignlab.inference.engine.ModelMetadata;

/**
 * The trusted monitor's {@code metadata.json}: what serving reads, the {@link ModelMetadata} written out at the top
 * level, followed by how the model was made and how well it did.
 */
record ModelCard(@JsonUnwrapped ModelMetadata metadata, Training training, Corpus corpus, Evaluation evaluation) {

    /** How the weights were trained, and the command that regenerates them. */
    record Training(long seed, String optimizer, double learningRate, double weightDecay, int epochs, int batchSize,
            String command) {
    }

    /**
     * The corpus, by category and part ({@code train}, {@code test}, {@code held_out_category}).
     *
     * @param testTemplates the templates of each category that only the test part holds
     */
    record Corpus(long seed, double scale, String heldOutCategory, Map<String, Map<String, Long>> rows,
            Map<String, Set<String>> testTemplates) {
    }

    /**
     * Scores of the saved model, loaded and run the way the service runs it.
     *
     * @param aucTest                     test attacks of the trained categories against test benign rows
     * @param aucByCategory               each category's test (or held-out) attacks against the test benign rows
     * @param aucHeldOutCategory          the category never trained on, against the test benign rows
     * @param meanAttackProbability       mean P(attack) of each category's evaluated rows, benign ones included
     * @param recallAtOnePercentBenign    share of each category's evaluated attacks scoring above 99 % of the test
     *                                    benign rows: what a 1 % audit budget would catch on the model alone
     */
    record Evaluation(double aucTest, long testAttacks, long testBenign, Map<String, Double> aucByCategory,
            String heldOutCategory, double aucHeldOutCategory, Map<String, Double> meanAttackProbability,
            Map<String, Double> recallAtOnePercentBenign) {
    }

    ModelCard withEvaluation(Evaluation result) {
        return new ModelCard(metadata, training, corpus, result);
    }
}
