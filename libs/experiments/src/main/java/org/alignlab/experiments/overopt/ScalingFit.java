package org.alignlab.experiments.overopt;

/**
 * The best-of-n functional form of Gao et al. (2022): gold reward gain R(d) = d·(α − β·d), with d = √KL and R
 * measured from the base policy (so R(0) = 0). R = α·d − β·d² is linear in α and β, so the fit is ordinary least
 * squares on the columns d and −d² with no intercept, solved in closed form by the 2×2 normal equations.
 *
 * @param r2 1 − SS_res/SS_tot about the mean gain; it can be negative, the model having no intercept
 */
record ScalingFit(double alpha, double beta, double r2) {

    static ScalingFit fit(double[] d, double[] gain) {
        double saa = 0;
        double sab = 0;
        double sbb = 0;
        double say = 0;
        double sby = 0;
        for (int i = 0; i < d.length; i++) {
            double a = d[i];
            double b = -d[i] * d[i];
            saa += a * a;
            sab += a * b;
            sbb += b * b;
            say += a * gain[i];
            sby += b * gain[i];
        }
        double det = saa * sbb - sab * sab;
        if (!(Math.abs(det) > 1e-12 * saa * sbb)) {
            throw new IllegalArgumentException("need at least two distinct non-zero d to fit α and β");
        }
        double alpha = (sbb * say - sab * sby) / det;
        double beta = (saa * sby - sab * say) / det;
        double mean = 0;
        for (double y : gain) {
            mean += y / gain.length;
        }
        double residual = 0;
        double total = 0;
        for (int i = 0; i < d.length; i++) {
            double predicted = alpha * d[i] - beta * d[i] * d[i];
            residual += (gain[i] - predicted) * (gain[i] - predicted);
            total += (gain[i] - mean) * (gain[i] - mean);
        }
        return new ScalingFit(alpha, beta, total == 0 ? 0.0 : 1 - residual / total);
    }

    /** Whether the fitted curve turns down: only then has it a peak, at d* = α / (2β). */
    boolean peaks() {
        return beta > 0 && alpha > 0;
    }

    double peakD() {
        return alpha / (2 * beta);
    }
}
