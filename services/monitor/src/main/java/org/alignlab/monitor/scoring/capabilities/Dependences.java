package org.alignlab.monitor.scoring.capabilities;

import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Element;

/**
 * What each variable the script declares (local, parameter, field, lambda parameter), and each of its own methods'
 * results, depends on so far: the union of everything the propagation has seen stored in it or returned, over the
 * whole script. A container (array, list, map, builder) is one variable.
 */
final class Dependences {

    private final Map<Element, Dependence> variables = new HashMap<>();
    private final Map<Element, Dependence> results = new HashMap<>();
    private long changes;

    Dependence variable(Element variable) {
        return variables.getOrDefault(variable, Dependence.NONE);
    }

    Dependence result(Element method) {
        return results.getOrDefault(method, Dependence.NONE);
    }

    /** Adds to what {@code variable} depends on; nothing when it is null (not a variable of the script's own). */
    void addToVariable(Element variable, Dependence added) {
        add(variables, variable, added);
    }

    /** Adds to what {@code method}'s result depends on; nothing when it is null. */
    void addToResult(Element method, Dependence added) {
        add(results, method, added);
    }

    /** How many times a dependence has grown: unchanged over a round of propagation means the fixed point. */
    long changes() {
        return changes;
    }

    private void add(Map<Element, Dependence> dependences, Element element, Dependence added) {
        if (element == null) {
            return;
        }
        Dependence old = dependences.getOrDefault(element, Dependence.NONE);
        if (!old.includes(added)) {
            dependences.put(element, old.with(added));
            changes++;
        }
    }
}
