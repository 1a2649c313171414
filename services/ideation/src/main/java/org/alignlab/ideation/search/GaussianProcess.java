package org.alignlab.ideation.search;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * A Gaussian-process regression on the unit cube with a squared-exponential kernel. Observations are
 * standardised, so one small grid of length scales and noise levels suits any metric; the pair with the highest
 * marginal likelihood is kept.
 */
public final class GaussianProcess {

    private static final double[] LENGTH_SCALES = {0.1, 0.2, 0.35, 0.6, 1.0};
    private static final double[] NOISE_VARIANCES = {1e-4, 1e-2, 1e-1};

    /** A prediction in the observations' units. */
    public record Prediction(double mean, double sd) {
    }

    private final double[][] x;
    private final double lengthScale;
    private final double noise;
    private final double yMean;
    private final double yScale;
    private final RealMatrix lower;
    private final RealVector alpha;
    private final double logLikelihood;

    private GaussianProcess(double[][] x, double[] y, double lengthScale, double noise) {
        this.x = x;
        this.lengthScale = lengthScale;
        this.noise = noise;
        double mean = 0;
        for (double v : y) {
            mean += v / y.length;
        }
        double variance = 0;
        for (double v : y) {
            variance += (v - mean) * (v - mean) / y.length;
        }
        this.yMean = mean;
        this.yScale = variance > 0 ? Math.sqrt(variance) : 1;
        RealVector standardised = new ArrayRealVector(y.length);
        for (int i = 0; i < y.length; i++) {
            standardised.setEntry(i, (y[i] - yMean) / yScale);
        }
        RealMatrix covariance = new Array2DRowRealMatrix(x.length, x.length);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                covariance.setEntry(i, j, kernel(x[i], x[j]) + (i == j ? noise : 0));
            }
        }
        CholeskyDecomposition cholesky = new CholeskyDecomposition(covariance);
        this.lower = cholesky.getL();
        this.alpha = cholesky.getSolver().solve(standardised);
        double logDet = 0;
        for (int i = 0; i < x.length; i++) {
            logDet += Math.log(lower.getEntry(i, i));
        }
        this.logLikelihood = -0.5 * standardised.dotProduct(alpha) - logDet - 0.5 * x.length * Math.log(2 * Math.PI);
    }

    /** Fits {@code y} at {@code x}, choosing the kernel's length scale and noise by marginal likelihood. */
    public static GaussianProcess fit(double[][] x, double[] y) {
        GaussianProcess best = null;
        for (double lengthScale : LENGTH_SCALES) {
            for (double noise : NOISE_VARIANCES) {
                try {
                    GaussianProcess candidate = new GaussianProcess(x, y, lengthScale, noise);
                    if (best == null || candidate.logLikelihood > best.logLikelihood) {
                        best = candidate;
                    }
                } catch (NonPositiveDefiniteMatrixException e) {
                    // Near-duplicate points with tiny noise: a larger noise level of the grid fits instead.
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("no kernel of the grid fits " + x.length + " observations");
        }
        return best;
    }

    /** The same kernel refitted with more observations, as a batch step adds its own picks. */
    public GaussianProcess refit(double[][] moreX, double[] moreY) {
        return new GaussianProcess(moreX, moreY, lengthScale, noise);
    }

    public Prediction predict(double[] point) {
        RealVector k = new ArrayRealVector(x.length);
        for (int i = 0; i < x.length; i++) {
            k.setEntry(i, kernel(x[i], point));
        }
        double mean = k.dotProduct(alpha);
        RealVector v = k.copy();
        MatrixUtils.solveLowerTriangularSystem(lower, v);
        double variance = Math.max(0, 1 - v.dotProduct(v));
        return new Prediction(yMean + yScale * mean, yScale * Math.sqrt(variance));
    }

    private double kernel(double[] a, double[] b) {
        double squared = 0;
        for (int d = 0; d < a.length; d++) {
            squared += (a[d] - b[d]) * (a[d] - b[d]);
        }
        return Math.exp(-squared / (2 * lengthScale * lengthScale));
    }
}
