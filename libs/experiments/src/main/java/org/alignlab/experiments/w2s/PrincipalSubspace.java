package org.alignlab.experiments.w2s;

/**
 * The top principal directions of a set of rows, found by power iteration with deflation. Projecting onto them is
 * the strong model's "pretraining": learned from unlabelled features alone, it keeps the directions that carry the
 * shared latent factors and drops most per-feature noise.
 */
final class PrincipalSubspace {

    private static final int ITERATIONS = 500;

    private final double[] mean;
    private final double[][] directions;

    private PrincipalSubspace(double[] mean, double[][] directions) {
        this.mean = mean;
        this.directions = directions;
    }

    static PrincipalSubspace fit(float[][] rows, int dims) {
        int d = rows[0].length;
        double[] mean = new double[d];
        for (float[] row : rows) {
            for (int i = 0; i < d; i++) {
                mean[i] += row[i] / (double) rows.length;
            }
        }
        double[][] cov = new double[d][d];
        for (float[] row : rows) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    cov[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]) / rows.length;
                }
            }
        }
        double[][] directions = new double[dims][];
        for (int k = 0; k < dims; k++) {
            double[] v = topEigenvector(cov, k);
            double lambda = dot(v, multiply(cov, v));
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    cov[i][j] -= lambda * v[i] * v[j];
                }
            }
            directions[k] = v;
        }
        return new PrincipalSubspace(mean, directions);
    }

    float[][] project(float[][] rows) {
        float[][] projected = new float[rows.length][directions.length];
        for (int r = 0; r < rows.length; r++) {
            for (int k = 0; k < directions.length; k++) {
                double sum = 0;
                for (int i = 0; i < mean.length; i++) {
                    sum += (rows[r][i] - mean[i]) * directions[k][i];
                }
                projected[r][k] = (float) sum;
            }
        }
        return projected;
    }

    private static double[] topEigenvector(double[][] cov, int k) {
        int d = cov.length;
        double[] v = new double[d];
        // A fixed, generic start vector: deterministic, and not orthogonal to any eigenvector in practice.
        for (int i = 0; i < d; i++) {
            v[i] = 1.0 + 0.1 * ((i * 7 + k * 3) % 11);
        }
        normalise(v);
        for (int it = 0; it < ITERATIONS; it++) {
            double[] next = multiply(cov, v);
            if (dot(next, next) == 0) {
                // Nothing left to explain: any unit vector is an eigenvector of the zero matrix.
                break;
            }
            normalise(next);
            v = next;
        }
        return v;
    }

    private static void normalise(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = dot(m[i], v);
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
