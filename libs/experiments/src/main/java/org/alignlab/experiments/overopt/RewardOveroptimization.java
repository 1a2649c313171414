package org.alignlab.experiments.overopt;

import java.util.Map;
import java.util.TreeMap;
import org.alignlab.contracts.events.Split;
import org.alignlab.experiments.TypedFamily;
import org.alignlab.experiments.nn.Regressor;
import org.alignlab.experiments.nn.TrainSettings;

/**
 * Reward model overoptimization under best-of-n sampling (Gao et al. 2022). A proxy reward model, an MLP, is fit to
 * a few noisy gold-labelled responses of the base policy; for each prompt the base policy proposes candidates and
 * the proxy picks the best of n. As n grows the proxy reward of the pick keeps rising, while the gold reward rises
 * and then falls once the pick exploits the proxy's errors (see {@link GoldReward}).
 *
 * <p>Metrics, on the requested split, for each n in 1, 2, 4, …, maxN: {@code gold_n<n>} and {@code proxy_n<n>}, the
 * expected gold and proxy reward of the pick (see {@link BestOfN}), and {@code kl_n<n>} = ln n − (n−1)/n. Then the
 * fit of the gold gain gold_n − gold_n1 to d(α − βd) with d = √KL ({@code fit_alpha}, {@code fit_beta},
 * {@code fit_r2}); where the fitted curve peaks ({@code d_at_peak}, {@code kl_at_peak} = d*², reported only when
 * {@code fit_peak_defined} is 1, i.e. α, β &gt; 0); the empirical peak ({@code gold_peak_n}, {@code gold_peak}); and
 * {@code proxy_gold_corr}, the proxy's correlation with gold on the base policy's candidates.
 */
public final class RewardOveroptimization extends TypedFamily<OveroptParams> {

    public RewardOveroptimization() {
        super("reward-overoptimization", OveroptParams::from);
    }

    @Override
    protected Map<String, Double> evaluate(OveroptParams p, int seed, Split split) {
        OveroptData data = OveroptData.generate(p, seed);
        Candidates eval = data.evaluation(split);
        TrainSettings settings = new TrainSettings(p.epochs(), p.learningRate(), p.batchSize(), seed, 0.0);
        float[] proxy;
        try (Regressor model = Regressor.train(Regressor.mlp(p.hidden(), 2), data.train(), data.trainLabels(),
                settings)) {
            proxy = model.predict(eval.responses());
        }
        int[] ns = BestOfN.grid(p.maxN());
        return metrics(ns, BestOfN.select(eval, proxy, ns), correlation(eval.gold(), proxy));
    }

    /** The reported metrics from the selected rewards for each n in {@code ns} (which starts at 1). */
    static Map<String, Double> metrics(int[] ns, BestOfN.Selected[] selected, double proxyGoldCorr) {
        Map<String, Double> metrics = new TreeMap<>();
        double[] d = new double[ns.length];
        double[] gain = new double[ns.length];
        int peak = 0;
        for (int k = 0; k < ns.length; k++) {
            double kl = BestOfN.kl(ns[k]);
            metrics.put("gold_n" + ns[k], selected[k].gold());
            metrics.put("proxy_n" + ns[k], selected[k].proxy());
            metrics.put("kl_n" + ns[k], kl);
            d[k] = Math.sqrt(kl);
            gain[k] = selected[k].gold() - selected[0].gold();
            if (selected[k].gold() > selected[peak].gold()) {
                peak = k;
            }
        }
        ScalingFit fit = ScalingFit.fit(d, gain);
        metrics.put("fit_alpha", fit.alpha());
        metrics.put("fit_beta", fit.beta());
        metrics.put("fit_r2", fit.r2());
        metrics.put("fit_peak_defined", fit.peaks() ? 1.0 : 0.0);
        if (fit.peaks()) {
            metrics.put("d_at_peak", fit.peakD());
            metrics.put("kl_at_peak", fit.peakD() * fit.peakD());
        }
        metrics.put("gold_peak_n", (double) ns[peak]);
        metrics.put("gold_peak", selected[peak].gold());
        metrics.put("proxy_gold_corr", proxyGoldCorr);
        return metrics;
    }

    private static double correlation(double[] gold, float[] proxy) {
        int n = gold.length;
        double mg = 0;
        double mp = 0;
        for (int i = 0; i < n; i++) {
            mg += gold[i] / n;
            mp += proxy[i] / (double) n;
        }
        double sgp = 0;
        double sgg = 0;
        double spp = 0;
        for (int i = 0; i < n; i++) {
            sgp += (gold[i] - mg) * (proxy[i] - mp);
            sgg += (gold[i] - mg) * (gold[i] - mg);
            spp += (proxy[i] - mp) * (proxy[i] - mp);
        }
        // A constant proxy carries no information about gold.
        return sgg == 0 || spp == 0 ? 0.0 : sgp / Math.sqrt(sgg * spp);
    }
}
