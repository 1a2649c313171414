package org.alignlab.monitor.scoring.capabilities;

import com.sun.source.util.Trees;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Which elements the analysed script declares itself, as against the script API and the libraries it calls: javac has
 * a tree only for what it compiled from the script's source.
 */
final class ScriptElements {

    /** The script API's context: the seed, its generator, the params, and {@code report}. */
    private static final String CONTEXT = "org.alignlab.experiments.script.ScriptContext";

    private final Trees trees;

    ScriptElements(Trees trees) {
        this.trees = trees;
    }

    /** A class, interface, enum or record of the script's own, nested, local and anonymous ones included. */
    boolean declares(TypeElement type) {
        return trees.getTree(type) != null;
    }

    /** A local, a parameter, or a field or enum constant of one of the script's own types. */
    boolean declares(VariableElement variable) {
        if (variable.getKind() == ElementKind.FIELD || variable.getKind() == ElementKind.ENUM_CONSTANT) {
            return variable.getEnclosingElement() instanceof TypeElement owner && declares(owner);
        }
        return true;
    }

    static boolean isContext(TypeElement type) {
        return type.getQualifiedName().contentEquals(CONTEXT);
    }
}
