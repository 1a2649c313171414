package org.alignlab.bench.literature;

import java.util.List;
import java.util.Map;

/**
 * One of the canonical questions: the arms it runs, and what their runs say about each published result. Pure, so
 * the findings can be tested on fixed numbers without training anything.
 */
public interface Question {

    /** The name {@code --question} selects it by: the family's. */
    String name();

    /** The section heading: the question and its anchor paper. */
    String heading();

    /** The arms, each run on every seed of the plan. */
    List<Arm> arms();

    /** A table of the arms' measured values, for a reader to check the findings against. */
    String details(Map<String, ArmRun> runs);

    /** One finding per published result, in the order the paper's argument runs. */
    List<Finding> findings(Map<String, ArmRun> runs);
}
