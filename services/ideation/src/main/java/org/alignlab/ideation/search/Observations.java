package org.alignlab.ideation.search;

import java.util.List;
import org.alignlab.ideation.policy.Trial;
import org.alignlab.ideation.space.SearchSpace;

/**
 * Trials as a Gaussian process reads them: each configuration's point in the space's unit cube, and its objective
 * oriented so that larger is better.
 */
record Observations(double[][] x, double[] y) {

    /** @param trials trials that all have a value of the space's objective */
    static Observations of(SearchSpace space, List<Trial> trials) {
        String metric = space.objective().orElseThrow();
        double sign = space.minimize() ? -1 : 1;
        double[][] x = new double[trials.size()][];
        double[] y = new double[trials.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = space.point(trials.get(i).params());
            y[i] = sign * trials.get(i).value(metric).orElseThrow();
        }
        return new Observations(x, y);
    }
}
