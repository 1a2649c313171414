package org.alignlab.experiments.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alignlab.contracts.events.Split;
import org.alignlab.experiments.TypedFamily;
import org.alignlab.experiments.nn.Classifier;
import org.alignlab.experiments.nn.TrainSettings;

/**
 * Linear probes with control tasks (Hewitt &amp; Liang 2019) on a network trained on a {@link ConceptTask}. An MLP
 * learns the task from {@code train}; its activations on the held-apart {@code probeTrain} rows train a linear probe
 * per layer (the input, then each hidden layer after its ReLU) for the latent concept and for the control task, and
 * each probe is scored on the requested split.
 *
 * <p>Metrics: {@code task_acc} (the network on its own task), and per layer L ({@code input}, {@code hidden1}, …):
 * {@code concept_acc_L}, {@code control_acc_L} and {@code selectivity_L} = concept_acc_L − control_acc_L.
 */
public final class LinearProbing extends TypedFamily<ProbeParams> {

    private static final int CLASSES = 2;

    public LinearProbing() {
        super("linear-probe", ProbeParams::from);
    }

    @Override
    protected Map<String, Double> evaluate(ProbeParams p, int seed, Split split) {
        ProbeData data = ProbeData.generate(p, seed);
        ProbeSample eval = data.evaluation(split);
        TrainSettings settings = new TrainSettings(p.epochs(), p.learningRate(), p.batchSize(), seed, 0.0);

        Map<String, Double> metrics = new TreeMap<>();
        List<float[][]> probeTrain = new ArrayList<>();
        List<float[][]> probeEval = new ArrayList<>();
        probeTrain.add(data.probeTrain().inputs());
        probeEval.add(eval.inputs());
        try (Classifier network = Classifier.train(Classifier.mlp(p.hidden(), p.hiddenLayers(), CLASSES),
                data.train().inputs(), data.train().labels(), CLASSES, settings)) {
            metrics.put("task_acc", accuracy(network.predict(eval.inputs()), eval.labels()));
            probeTrain.addAll(network.hiddenActivations(data.probeTrain().inputs()));
            probeEval.addAll(network.hiddenActivations(eval.inputs()));
        }

        TrainSettings probeSettings = new TrainSettings(p.probeEpochs(), p.learningRate(), p.batchSize(), seed, 0.0);
        for (int layer = 0; layer < probeTrain.size(); layer++) {
            String name = layer == 0 ? "input" : "hidden" + layer;
            double concept = LinearProbe.accuracy(probeTrain.get(layer), data.probeTrain().concept(),
                    probeEval.get(layer), eval.concept(), probeSettings);
            double control = LinearProbe.accuracy(probeTrain.get(layer), data.probeTrain().control(),
                    probeEval.get(layer), eval.control(), probeSettings);
            metrics.put("concept_acc_" + name, concept);
            metrics.put("control_acc_" + name, control);
            metrics.put("selectivity_" + name, concept - control);
        }
        return metrics;
    }

    private static double accuracy(int[] predicted, int[] truth) {
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            if (predicted[i] == truth[i]) {
                correct++;
            }
        }
        return correct / (double) truth.length;
    }
}
