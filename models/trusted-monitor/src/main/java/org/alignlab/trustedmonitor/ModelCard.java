package org.alignlab.trustedmonitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alignlab.inference.engine.NetworkSpec;
import org.alignlab.inference.features.FeatureSpec;

/**
 * The trusted monitor's {@code metadata.json}: what serving reads (the fields of
 * {@link org.alignlab.inference.engine.ModelMetadata}) followed by how the model was made and how well it did.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ModelCard(
        String name,
        String task,
        String engine,
        List<String> labels,
        String weights,
        String version,
        FeatureSpec features,
        NetworkSpec network,
        Training training,
        Corpus corpus,
        Evaluation evaluation) {

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
        return new ModelCard(name, task, engine, labels, weights, version, features, network, training, corpus, result);
    }
}
