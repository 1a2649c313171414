package org.alignlab.trustedmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alignlab.inference.engine.ModelFolder;
import org.alignlab.inference.engine.ModelMetadata;
import org.alignlab.inference.engine.NetworkSpec;
import org.alignlab.inference.features.FeatureSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains real (small) monitors with DJL, end to end: corpus, features, training, saved folder, evaluation. */
class TrainTrustedMonitorTest {

    @TempDir
    Path dir;

    /**
     * A corpus at 40 % of the shipped size, trained for 50 epochs instead of 25 so that it sees about as many
     * gradient steps as the shipped model. Its test part holds only attack templates it never saw (and benign script
     * templates it never saw), so chance is 0.5 and the shipped model reaches about 0.96; this configuration gives
     * about 0.94. The bar of 0.9 leaves room for small changes to the corpus or the libraries without letting a model
     * that has learned nothing useful pass. The run is seeded, so the figure does not vary between runs.
     */
    @Test
    void aSmallCorpusTrainsAModelThatClearlyBeatsChanceOnUnseenAttackTemplates() throws Exception {
        TrainingSettings settings = new TrainingSettings(TrainTrustedMonitor.DEFAULT_SEED, 50, 32, 0.003, 1e-4,
                FeatureSpec.standard(), new NetworkSpec(NetworkSpec.BINARY_MLP, 16));

        ModelCard card = MonitorModelBuilder.build(dir, settings, 0.4, AttackCategory.SABOTAGE);

        assertThat(card.evaluation().aucTest()).isGreaterThan(0.9);
        assertThat(card.evaluation().aucByCategory()).containsKeys("network", "exfiltration", "sabotage");
        assertThat(card.evaluation().aucHeldOutCategory()).isBetween(0.0, 1.0);
        assertThat(card.corpus().rows().get("sabotage")).containsOnlyKeys("held_out_category");
        Path weights = dir.resolve(card.metadata().weights());
        assertThat(Files.size(weights)).isLessThan(1_000_000);
        assertThat(card.metadata().version()).isEqualTo(ModelFolder.version(weights));

        ModelMetadata served = ModelFolder.servedMetadata(dir).orElseThrow();
        assertThat(served.version()).isEqualTo(card.metadata().version());
        try (SavedMonitor model = SavedMonitor.load(dir)) {
            String text = MonitorCorpus.build(1, 0.01, AttackCategory.SABOTAGE).rows().get(0).text();
            assertThat(model.version()).isEqualTo(card.metadata().version());
            assertThat(model.classify(text)).containsOnlyKeys("benign", "attack");
        }
    }

    @Test
    void theSameSeedGivesTheSameWeightsByteForByte() throws Exception {
        TrainingSettings settings = new TrainingSettings(11, 3, 32, 0.003, 1e-4, FeatureSpec.standard(),
                new NetworkSpec(NetworkSpec.BINARY_MLP, 4));

        ModelCard first = MonitorModelBuilder.build(dir.resolve("a"), settings, 0.08, AttackCategory.SABOTAGE);
        ModelCard second = MonitorModelBuilder.build(dir.resolve("b"), settings, 0.08, AttackCategory.SABOTAGE);

        assertThat(second.metadata().version()).isEqualTo(first.metadata().version());
        assertThat(Files.readString(dir.resolve("b/metadata.json")))
                .isEqualTo(Files.readString(dir.resolve("a/metadata.json")));
    }
}
