package org.alignlab.monitor.scoring.capabilities;

import static org.alignlab.monitor.scoring.capabilities.Dependence.NONE;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Where a write lands: the script's variable that an assignment target, a receiver or an argument stands for (a
 * container is one variable, whatever is stored in it), what the indices on the way to it depend on, and whether a
 * value is a container that a call can write into.
 */
final class WriteTargets {

    private final Trees trees;
    private final Types types;
    private final ScriptElements script;
    private final ExpressionDependence expressions;

    WriteTargets(Trees trees, Types types, ScriptElements script, ExpressionDependence expressions) {
        this.trees = trees;
        this.types = types;
        this.script = script;
        this.expressions = expressions;
    }

    /**
     * The variable the expression at {@code path} stands for: {@code xs} for {@code xs[i][j]} or {@code ((T[]) xs)};
     * null when it is not a variable the script declares (a library's field, a call's result).
     */
    Element variable(TreePath path) {
        Tree tree = path.getLeaf();
        while (true) {
            if (tree instanceof ParenthesizedTree parenthesized) {
                tree = parenthesized.getExpression();
            } else if (tree instanceof ArrayAccessTree access) {
                tree = access.getExpression();
            } else if (tree instanceof TypeCastTree cast) {
                tree = cast.getExpression();
            } else {
                break;
            }
        }
        if (!(tree instanceof IdentifierTree) && !(tree instanceof MemberSelectTree)) {
            return null;
        }
        Element element = trees.getElement(new TreePath(path, tree));
        return element instanceof VariableElement variable && script.declares(variable) ? element : null;
    }

    /**
     * What the indices on the way from the target at {@code path} to its variable depend on ({@code i} and {@code j}
     * for {@code xs[i][j]}): a write at a drawn index resamples, which measures.
     */
    Dependence indices(TreePath path) {
        Dependence indices = NONE;
        Tree tree = path.getLeaf();
        while (tree instanceof ArrayAccessTree || tree instanceof ParenthesizedTree) {
            if (tree instanceof ArrayAccessTree access) {
                indices = indices.with(expressions.of(path, access.getIndex()).measuredIfDrawn());
                tree = access.getExpression();
            } else {
                tree = ((ParenthesizedTree) tree).getExpression();
            }
        }
        return indices;
    }

    /**
     * Whether a value of {@code type} can be changed in place by a call: an array, a string builder, or any object
     * outside {@code java.lang} (a collection, a model, the script's own objects), whose contents are its variable's.
     */
    boolean container(TypeMirror type) {
        if (type == null) {
            return false;
        }
        if (type.getKind() == TypeKind.ARRAY) {
            return true;
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        String name = types.erasure(type).toString();
        return !name.startsWith("java.lang.") || name.equals("java.lang.StringBuilder")
                || name.equals("java.lang.StringBuffer");
    }
}
