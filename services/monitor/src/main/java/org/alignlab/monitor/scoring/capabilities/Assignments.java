package org.alignlab.monitor.scoring.capabilities;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;

/**
 * Where each variable of a script gets its values, for {@link ValueTracer}: initialisers and plain assignments of
 * locals and fields, the arguments every call in the script passes to the script's own methods' parameters, the
 * collection an enhanced {@code for} walks, and the {@code append} statements of a local {@code StringBuilder}. A
 * variable assigned with {@code +=}, {@code ++} or the like, or a builder changed in a loop or other than by
 * {@code append}, is marked as having values the analysis cannot list.
 */
final class Assignments extends TreePathScanner<Void, Void> {

    private final Trees trees;
    private final Map<Element, List<TreePath>> values = new HashMap<>();
    private final Set<Element> untracked = new HashSet<>();
    private final Map<Element, List<TreePath>> appends = new HashMap<>();
    private final Set<Element> loopVariables = new HashSet<>();

    private Assignments(Trees trees) {
        this.trees = trees;
    }

    static Assignments of(Trees trees, CompilationUnitTree unit) {
        Assignments assignments = new Assignments(trees);
        assignments.scan(unit, null);
        return assignments;
    }

    /** The expressions the variable is assigned from; empty when it has none in the script (a parameter of a lambda). */
    List<TreePath> values(Element variable) {
        return values.getOrDefault(variable, List.of());
    }

    /** Whether the variable may also hold values that {@link #values} does not list. */
    boolean untracked(Element variable) {
        return untracked.contains(variable);
    }

    /** The arguments of {@code builder.append(…)} statements, in source order. */
    List<TreePath> appends(Element builder) {
        return appends.getOrDefault(builder, List.of());
    }

    @Override
    public Void visitVariable(VariableTree tree, Void unused) {
        Element variable = trees.getElement(getCurrentPath());
        if (variable != null && tree.getInitializer() != null) {
            add(variable, new TreePath(getCurrentPath(), tree.getInitializer()));
        }
        return super.visitVariable(tree, unused);
    }

    @Override
    public Void visitAssignment(AssignmentTree tree, Void unused) {
        Element target = element(tree.getVariable());
        if (target != null) {
            add(target, new TreePath(getCurrentPath(), tree.getExpression()));
        }
        return super.visitAssignment(tree, unused);
    }

    @Override
    public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
        markUntracked(tree.getVariable());
        return super.visitCompoundAssignment(tree, unused);
    }

    @Override
    public Void visitUnary(UnaryTree tree, Void unused) {
        switch (tree.getKind()) {
            case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT ->
                markUntracked(tree.getExpression());
            default -> {
            }
        }
        return super.visitUnary(tree, unused);
    }

    @Override
    public Void visitEnhancedForLoop(EnhancedForLoopTree tree, Void unused) {
        Element variable = trees.getElement(new TreePath(getCurrentPath(), tree.getVariable()));
        if (variable != null) {
            values.computeIfAbsent(variable, v -> new ArrayList<>())
                    .add(new TreePath(getCurrentPath(), tree.getExpression()));
            // The loop variable takes each element of the expression: ValueTracer reads it as a collection.
            loopVariables.add(variable);
        }
        return super.visitEnhancedForLoop(tree, unused);
    }

    /** Whether {@link #values} of this variable are collections whose elements it takes (an enhanced for). */
    boolean loopVariable(Element variable) {
        return loopVariables.contains(variable);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        Element callee = trees.getElement(getCurrentPath());
        passArguments(callee, tree.getArguments());
        builderStatement(tree);
        return super.visitMethodInvocation(tree, unused);
    }

    @Override
    public Void visitNewClass(NewClassTree tree, Void unused) {
        passArguments(trees.getElement(getCurrentPath()), tree.getArguments());
        return super.visitNewClass(tree, unused);
    }

    /** A call of one of the script's own methods or constructors gives each parameter the argument passed. */
    private void passArguments(Element callee, List<? extends ExpressionTree> arguments) {
        if (!(callee instanceof ExecutableElement method) || trees.getTree(method) == null) {
            return;
        }
        var parameters = method.getParameters();
        for (int i = 0; i < parameters.size(); i++) {
            boolean spread = method.isVarArgs() && i == parameters.size() - 1;
            if (spread || i >= arguments.size()) {
                untracked.add(parameters.get(i));
            } else {
                add(parameters.get(i), new TreePath(getCurrentPath(), arguments.get(i)));
            }
        }
    }

    /**
     * {@code sb.append(x);} on a local builder, possibly chained: collected in order. Anything else done to the
     * builder, or an append in a loop or a lambda, leaves its content untracked.
     */
    private void builderStatement(MethodInvocationTree tree) {
        if (!(tree.getMethodSelect() instanceof MemberSelectTree select)) {
            return;
        }
        Element receiver = element(select.getExpression());
        if (receiver == null || receiver.getKind() != ElementKind.LOCAL_VARIABLE || !builder(receiver)) {
            return;
        }
        String method = select.getIdentifier().toString();
        if (method.equals("toString") || method.equals("length") || method.equals("charAt")) {
            return;
        }
        if (method.equals("append") && tree.getArguments().size() == 1 && statement() && !inLoopOrLambda()) {
            appends.computeIfAbsent(receiver, r -> new ArrayList<>())
                    .add(new TreePath(getCurrentPath(), tree.getArguments().get(0)));
        } else {
            untracked.add(receiver);
        }
    }

    private boolean builder(Element variable) {
        String type = variable.asType().toString();
        return type.equals("java.lang.StringBuilder") || type.equals("java.lang.StringBuffer");
    }

    private boolean statement() {
        return getCurrentPath().getParentPath().getLeaf() instanceof ExpressionStatementTree;
    }

    private boolean inLoopOrLambda() {
        for (TreePath path = getCurrentPath(); path != null; path = path.getParentPath()) {
            switch (path.getLeaf().getKind()) {
                case FOR_LOOP, ENHANCED_FOR_LOOP, WHILE_LOOP, DO_WHILE_LOOP, LAMBDA_EXPRESSION :
                    return true;
                case METHOD, CLASS :
                    return false;
                default :
                    break;
            }
        }
        return false;
    }

    private void markUntracked(ExpressionTree target) {
        Element variable = element(target);
        if (variable != null) {
            untracked.add(variable);
        }
    }

    private Element element(Tree tree) {
        return trees.getElement(new TreePath(getCurrentPath(), tree));
    }

    private void add(Element variable, TreePath value) {
        values.computeIfAbsent(variable, v -> new ArrayList<>()).add(value);
    }
}
