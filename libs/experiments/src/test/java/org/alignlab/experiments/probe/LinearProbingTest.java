package org.alignlab.experiments.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.alignlab.contracts.events.Split;
import org.junit.jupiter.api.Test;

class LinearProbingTest {

    /** Half the default rows: about two seconds per seed. Accuracies on 1000 rows have a sampling sd of 0.016. */
    static final Map<String, Object> SMALL = Map.of("nTrain", 2000, "nProbe", 1000, "nTest", 1000, "epochs", 15);

    private final LinearProbing family = new LinearProbing();

    @Test
    void conceptProbesAreSelectiveOnTheLayersThatComputeTheConcept() {
        for (int seed : List.of(1, 2)) {
            Map<String, Double> m = family.run(SMALL, seed, Split.VALIDATION);

            // The network learns its task (0.91 to 0.92 here), so it computes the concept somewhere.
            assertThat(m.get("task_acc")).isGreaterThan(0.85);
            // The concept is a parity, invisible to a linear probe on the input (0.49 to 0.52 here) ...
            assertThat(m.get("concept_acc_input")).isLessThan(0.6);
            // ... and readable after the network computed it (0.92 to 0.94 on the last hidden layer).
            assertThat(m.get("concept_acc_hidden2")).isGreaterThan(m.get("concept_acc_input") + 0.3);
            assertThat(m.get("concept_acc_hidden2")).isGreaterThan(m.get("concept_acc_hidden1"));
            // The concept probe beats the control task on both hidden layers: selectivity 0.10 to 0.16 on the
            // first and 0.23 to 0.26 on the second. The difference of two accuracies on 1000 rows has a sampling
            // sd of about 0.02, so 0.04 and 0.15 are well clear of chance. On the input the control task wins:
            // a linear probe memorises some of the 64 types' random labels (0.57 to 0.61) but cannot read a parity.
            assertThat(m.get("selectivity_hidden1")).isGreaterThan(0.04);
            assertThat(m.get("selectivity_hidden2")).isGreaterThan(0.15);
            assertThat(m.get("selectivity_input")).isNegative();
            for (String layer : List.of("input", "hidden1", "hidden2")) {
                assertThat(m.get("selectivity_" + layer)).isCloseTo(
                        m.get("concept_acc_" + layer) - m.get("control_acc_" + layer), within(1e-12));
            }
        }
    }

    @Test
    void withoutAReasonToComputeTheConceptNoLayerIsSelectiveForIt() {
        // conceptWeight 0: the label is 1[z₂ > 0] and the network has no use for the concept. A probe then reads
        // 0.63 (hidden1) and 0.54 (hidden2) of it from ReLU features that were never shaped for it, against 0.94
        // when the task needs it; selectivity is -0.11 on hidden2. Task accuracy is 0.97 (a threshold on one input).
        Map<String, Object> params = new java.util.HashMap<>(SMALL);
        params.put("conceptWeight", 0);
        Map<String, Double> m = family.run(params, 1, Split.VALIDATION);

        assertThat(m.get("task_acc")).isGreaterThan(0.93);
        assertThat(m.get("concept_acc_hidden2")).isLessThan(0.75);
        assertThat(m.get("selectivity_hidden2")).isLessThan(0.1);
    }

    @Test
    void sameSeedSameMetricsAndOneProbePairPerLayer() {
        Map<String, Object> params = Map.of("nTrain", 300, "nProbe", 200, "nTest", 200, "epochs", 3,
                "probeEpochs", 3, "hiddenLayers", 3, "hidden", 16);

        Map<String, Double> first = family.run(params, 11, Split.HELDOUT);

        assertThat(family.run(params, 11, Split.HELDOUT)).isEqualTo(first);
        assertThat(first).containsOnlyKeys("task_acc",
                "concept_acc_input", "control_acc_input", "selectivity_input",
                "concept_acc_hidden1", "control_acc_hidden1", "selectivity_hidden1",
                "concept_acc_hidden2", "control_acc_hidden2", "selectivity_hidden2",
                "concept_acc_hidden3", "control_acc_hidden3", "selectivity_hidden3");
    }
}
