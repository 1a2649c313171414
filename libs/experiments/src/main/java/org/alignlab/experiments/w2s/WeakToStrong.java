package org.alignlab.experiments.w2s;

import java.util.Map;
import java.util.TreeMap;
import org.alignlab.contracts.events.Split;
import org.alignlab.experiments.TypedFamily;
import org.alignlab.experiments.nn.Classifier;
import org.alignlab.experiments.nn.TrainSettings;

/**
 * Weak-to-strong generalisation (Burns et al. 2023) on a {@link LatentTask}. A weak model (logistic regression on the
 * first {@code weakFeatures} features) learns from ground truth and labels a separate set; a strong model (an MLP on
 * all features) learns from those weak labels; the ceiling is the same strong model, with the same initial weights,
 * learning from the ground truth of that set.
 *
 * <p>By default the strong model sees all features through a representation "pretrained" without labels (see
 * {@link StrongView}), the stand-in for the latent knowledge that Burns et al. credit for weak-to-strong
 * generalisation. With {@code pretrainedDims = 0} it sees raw features and can copy the weak model's mistakes
 * exactly, so PGR falls to about 0: the contrast is part of the experiment.
 *
 * <p>Metrics: {@code acc_weak}, {@code acc_w2s}, {@code acc_ceiling} on the requested split, and the performance gap
 * recovered {@code pgr} = (acc_w2s − acc_weak) / (acc_ceiling − acc_weak). PGR only means something when the ceiling
 * beats the weak model, so {@code pgr} is reported only then, and {@code pgr_defined} (1 or 0) says whether it was:
 * JSON cannot carry NaN, and a clamped denominator would report an arbitrary large number.
 */
public final class WeakToStrong extends TypedFamily<W2sParams> {

    private static final int CLASSES = 2;

    public WeakToStrong() {
        super("weak-to-strong", W2sParams::from);
    }

    @Override
    protected Map<String, Double> evaluate(W2sParams p, int seed, Split split) {
        W2sData data = W2sData.generate(p, seed);
        Sample eval = data.evaluation(split);
        TrainSettings settings = new TrainSettings(p.epochs(), p.learningRate(), p.batchSize(), seed, 0.0);

        int weakCorrect;
        int[] weakLabels;
        try (Classifier weak = Classifier.train(Classifier.logistic(),
                data.weakTrain().firstColumns(p.weakFeatures()), data.weakTrain().labels(), CLASSES, settings)) {
            weakLabels = weak.predict(data.w2sTrain().firstColumns(p.weakFeatures()));
            weakCorrect = correct(weak.predict(eval.firstColumns(p.weakFeatures())), eval.labels());
        }
        StrongView view = StrongView.pretrain(p.pretrainedDims(), data);
        float[][] strongTrain = view.of(data.w2sTrain());
        float[][] strongEval = view.of(eval);
        int w2sCorrect = trainStrong(p, strongTrain, weakLabels, strongEval, eval.labels(),
                settings.withAuxLossAlpha(p.auxLossAlpha()));
        int ceilingCorrect = trainStrong(p, strongTrain, data.w2sTrain().labels(), strongEval, eval.labels(), settings);

        return metrics(weakCorrect, w2sCorrect, ceilingCorrect, eval.size());
    }

    /** The reported metrics from counts of correct predictions out of {@code n}. */
    static Map<String, Double> metrics(int weakCorrect, int w2sCorrect, int ceilingCorrect, int n) {
        Map<String, Double> metrics = new TreeMap<>();
        metrics.put("acc_weak", weakCorrect / (double) n);
        metrics.put("acc_w2s", w2sCorrect / (double) n);
        metrics.put("acc_ceiling", ceilingCorrect / (double) n);
        boolean gap = ceilingCorrect > weakCorrect;
        metrics.put("pgr_defined", gap ? 1.0 : 0.0);
        if (gap) {
            metrics.put("pgr", (w2sCorrect - weakCorrect) / (double) (ceilingCorrect - weakCorrect));
        }
        return metrics;
    }

    private static int trainStrong(W2sParams p, float[][] train, int[] labels, float[][] eval, int[] truth,
            TrainSettings settings) {
        try (Classifier strong = Classifier.train(Classifier.mlp(p.hidden(), CLASSES), train, labels, CLASSES,
                settings)) {
            return correct(strong.predict(eval), truth);
        }
    }

    private static int correct(int[] predicted, int[] truth) {
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            if (predicted[i] == truth[i]) {
                correct++;
            }
        }
        return correct;
    }
}
