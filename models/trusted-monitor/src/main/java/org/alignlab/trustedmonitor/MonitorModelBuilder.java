package org.alignlab.trustedmonitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.alignlab.inference.djl.DjlModelEngine;
import org.alignlab.inference.engine.ModelFolder;
import org.alignlab.inference.engine.ModelMetadata;
import org.alignlab.inference.features.TextFeaturiser;
import org.alignlab.trustedmonitor.CorpusExample.Part;

/**
 * Builds the trusted monitor into a model folder: corpus, features, training, weights, {@code metadata.json}, and an
 * evaluation of the saved model loaded back through the engine and features inference serves it with
 * ({@link SavedMonitor}), so the figures are those of what is served.
 */
final class MonitorModelBuilder {

    static final String NAME = "trusted-monitor";
    static final List<String> LABELS = List.of("benign", "attack");
    static final String COMMAND = "mvn -B -ntp -pl models/trusted-monitor -am process-classes -Ptrain-trusted-monitor";

    /** Leaves out what a model does not declare (a text classifier has no tensors) and the evaluation until it is. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.USE_DEFAULTS))
            .build();

    private MonitorModelBuilder() {
    }

    static ModelCard build(Path folder, TrainingSettings settings, double scale, AttackCategory heldOut)
            throws IOException {
        MonitorCorpus corpus = MonitorCorpus.build(settings.seed(), scale, heldOut);
        TextFeaturiser featuriser = new TextFeaturiser(settings.features());
        List<CorpusExample> train = corpus.part(Part.TRAIN);
        float[][] features = new float[train.size()][];
        int[] labels = new int[train.size()];
        for (int i = 0; i < train.size(); i++) {
            features[i] = featuriser.featurise(train.get(i).text());
            labels[i] = train.get(i).attack() ? 1 : 0;
        }
        Files.createDirectories(folder);
        deleteOldWeights(folder);
        String weights = MonitorTrainer.trainAndSave(settings, features, labels, folder, NAME);

        ModelCard card = new ModelCard(ModelMetadata.textClassifier(NAME, DjlModelEngine.ENGINE, LABELS, weights,
                ModelFolder.version(folder.resolve(weights)), settings.features(), settings.network()),
                new ModelCard.Training(settings.seed(), "adam", settings.learningRate(), settings.weightDecay(),
                        settings.epochs(), settings.batchSize(), COMMAND),
                new ModelCard.Corpus(settings.seed(), scale, heldOut.slug(), corpus.counts(), corpus.testTemplates()),
                null);
        write(folder, card);
        ModelCard evaluated = card.withEvaluation(evaluate(folder, corpus, heldOut));
        write(folder, evaluated);
        return evaluated;
    }

    private static ModelCard.Evaluation evaluate(Path folder, MonitorCorpus corpus, AttackCategory heldOut) {
        List<CorpusExample> evaluated = new ArrayList<>(corpus.part(Part.TEST));
        evaluated.addAll(corpus.part(Part.HELD_OUT_CATEGORY));
        double[] attackProbability;
        try (SavedMonitor saved = SavedMonitor.load(folder)) {
            attackProbability = evaluated.stream().mapToDouble(row -> saved.attackProbability(row.text())).toArray();
        }
        double[] benign = scores(evaluated, attackProbability, row -> !row.attack());
        double[] trainedAttacks = scores(evaluated, attackProbability,
                row -> row.attack() && row.part() == Part.TEST);
        double threshold = quantile(benign, 0.99);

        Map<String, Double> aucByCategory = new TreeMap<>();
        Map<String, Double> mean = new TreeMap<>();
        Map<String, Double> recall = new TreeMap<>();
        for (String category : new TreeSet<>(evaluated.stream().map(CorpusExample::category).toList())) {
            double[] values = scores(evaluated, attackProbability, row -> row.category().equals(category));
            mean.put(category, round(Arrays.stream(values).average().orElseThrow()));
            boolean attacks = evaluated.stream().anyMatch(row -> row.category().equals(category) && row.attack());
            if (attacks) {
                aucByCategory.put(category, round(RocAuc.of(values, benign)));
                recall.put(category, round(Arrays.stream(values).filter(v -> v > threshold).count()
                        / (double) values.length));
            }
        }
        return new ModelCard.Evaluation(round(RocAuc.of(trainedAttacks, benign)), trainedAttacks.length,
                benign.length, aucByCategory, heldOut.slug(), aucByCategory.get(heldOut.slug()), mean, recall);
    }

    private static double[] scores(List<CorpusExample> rows, double[] scores, Predicate<CorpusExample> which) {
        return IntStream.range(0, rows.size()).filter(i -> which.test(rows.get(i))).mapToDouble(i -> scores[i])
                .toArray();
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static double round(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).doubleValue()
                : value;
    }

    private static void deleteOldWeights(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".params")).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void write(Path folder, ModelCard card) throws IOException {
        Files.writeString(folder.resolve(ModelMetadata.FILE_NAME), JSON.writeValueAsString(card) + "\n");
    }
}
