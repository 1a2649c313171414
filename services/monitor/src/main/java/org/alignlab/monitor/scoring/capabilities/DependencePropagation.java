package org.alignlab.monitor.scoring.capabilities;

import static org.alignlab.monitor.scoring.capabilities.Dependence.COMPUTED;
import static org.alignlab.monitor.scoring.capabilities.Dependence.MEASURED;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Types;

/**
 * The propagation of dependences, a round at a time: every initialiser, assignment, store into a container, call,
 * lambda and return adds what its value depends on, and what the code runs under ({@link ControlDependence}), to what
 * its target depends on ({@link Dependences}). {@link MetricDependence} repeats rounds until one adds nothing.
 */
final class DependencePropagation extends TreePathScanner<Void, Void> {

    /** Calls that store their arguments in the receiver (or the first argument) without computing anything. */
    private static final Set<String> STORES = Set.of("add", "addAll", "put", "putAll", "putIfAbsent", "set", "append",
            "insert", "fill", "setAll", "offer", "push", "addFirst", "addLast", "offerFirst", "offerLast", "arraycopy",
            "copyOf", "copyOfRange");
    /** Calls that reorder or filter what the receiver (or the first argument) holds: on draws, they measure. */
    private static final Set<String> REARRANGES = Set.of("sort", "shuffle", "reverse", "swap", "remove", "removeIf",
            "removeAll", "retainAll", "replaceAll", "clear", "poll", "pollFirst", "pollLast", "pop", "merge",
            "compute", "computeIfAbsent", "computeIfPresent", "rotate");
    /** Owners of static calls that change their container arguments: {@code Arrays.fill}, {@code System.arraycopy}. */
    private static final Set<String> CONTAINER_UTILITIES = Set.of("java.util.Arrays", "java.util.Collections",
            "java.lang.System");

    private final Trees trees;
    private final ScriptElements script;
    private final ExpressionDependence expressions;
    private final Dependences dependences;
    private final WriteTargets targets;
    private ControlDependence control;

    DependencePropagation(Trees trees, Types types, ScriptElements script, ExpressionDependence expressions,
            Dependences dependences) {
        this.trees = trees;
        this.script = script;
        this.expressions = expressions;
        this.dependences = dependences;
        this.targets = new WriteTargets(trees, types, script, expressions);
    }

    /** One round over the whole script: whether it added to any dependence. */
    boolean round(CompilationUnitTree unit) {
        control = new ControlDependence(expressions);
        long before = dependences.changes();
        scan(unit, null);
        return dependences.changes() != before;
    }

    @Override
    public Void visitVariable(VariableTree tree, Void unused) {
        if (tree.getInitializer() != null) {
            dependences.addToVariable(trees.getElement(getCurrentPath()), of(tree.getInitializer()).with(here()));
        }
        return super.visitVariable(tree, unused);
    }

    @Override
    public Void visitEnhancedForLoop(EnhancedForLoopTree tree, Void unused) {
        Element variable = trees.getElement(new TreePath(getCurrentPath(), tree.getVariable()));
        dependences.addToVariable(variable, of(tree.getExpression()).with(here()));
        return super.visitEnhancedForLoop(tree, unused);
    }

    @Override
    public Void visitAssignment(AssignmentTree tree, Void unused) {
        TreePath target = new TreePath(getCurrentPath(), tree.getVariable());
        Element variable = targets.variable(target);
        Dependence value = of(tree.getExpression()).with(targets.indices(target)).with(here());
        if (variable != null && value.drawn() && inLoop(getCurrentPath())
                && mentions(new TreePath(getCurrentPath(), tree.getExpression()), variable)) {
            // x = f(x, draw) in a loop accumulates draws: a running estimate.
            value = value.with(MEASURED);
        }
        dependences.addToVariable(variable, value);
        return super.visitAssignment(tree, unused);
    }

    @Override
    public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
        TreePath target = new TreePath(getCurrentPath(), tree.getVariable());
        Dependence value = of(tree.getExpression()).with(targets.indices(target)).with(here()).with(COMPUTED);
        if (value.drawn() && inLoop(getCurrentPath())) {
            // A sum of draws over a loop.
            value = value.with(MEASURED);
        }
        dependences.addToVariable(targets.variable(target), value);
        return super.visitCompoundAssignment(tree, unused);
    }

    @Override
    public Void visitUnary(UnaryTree tree, Void unused) {
        switch (tree.getKind()) {
            case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> {
                // A counter counts what it is incremented under.
                TreePath target = new TreePath(getCurrentPath(), tree.getExpression());
                dependences.addToVariable(targets.variable(target), targets.indices(target).with(here()));
            }
            default -> {
            }
        }
        return super.visitUnary(tree, unused);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        if (trees.getElement(getCurrentPath()) instanceof ExecutableElement method) {
            TypeElement owner = (TypeElement) method.getEnclosingElement();
            if (script.declares(owner)) {
                pass(method, tree.getArguments());
            } else if (!ScriptElements.isContext(owner)) {
                store(method, tree);
            }
        }
        return super.visitMethodInvocation(tree, unused);
    }

    @Override
    public Void visitNewClass(NewClassTree tree, Void unused) {
        if (trees.getElement(getCurrentPath()) instanceof ExecutableElement constructor
                && constructor.getEnclosingElement() instanceof TypeElement owner && script.declares(owner)) {
            pass(constructor, tree.getArguments());
        }
        return super.visitNewClass(tree, unused);
    }

    /**
     * A call of the script's own method or constructor: each parameter depends on what every call passes it (the last
     * one, on every argument from its position on: varargs).
     */
    private void pass(ExecutableElement method, List<? extends ExpressionTree> arguments) {
        List<? extends VariableElement> parameters = method.getParameters();
        Dependence here = here();
        for (int i = 0; i < arguments.size() && !parameters.isEmpty(); i++) {
            VariableElement parameter = parameters.get(Math.min(i, parameters.size() - 1));
            TreePath argument = new TreePath(getCurrentPath(), arguments.get(i));
            dependences.addToVariable(parameter, expressions.of(argument).with(here));
            if (targets.container(trees.getTypeMirror(argument))) {
                // fill(xs): the method writes into the caller's array or list.
                dependences.addToVariable(targets.variable(argument), dependences.variable(parameter));
            }
        }
    }

    /**
     * A library call changes what its receiver and its container arguments hold: {@code list.add(x)},
     * {@code Arrays.setAll(xs, i -> draw())}, {@code System.arraycopy(a, 0, b, 0, n)}, {@code Arrays.sort(xs)}.
     */
    private void store(ExecutableElement method, MethodInvocationTree tree) {
        TreePath path = getCurrentPath();
        Dependence all = here();
        TreePath receiver = tree.getMethodSelect() instanceof MemberSelectTree select
                ? new TreePath(path, select.getExpression())
                : null;
        if (receiver != null) {
            all = all.with(expressions.of(receiver));
        }
        for (ExpressionTree argument : tree.getArguments()) {
            all = all.with(of(argument));
        }
        String name = method.getSimpleName().toString();
        String owner = ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString();
        boolean stores = STORES.contains(name);
        // A library object outside the JDK (a DJL trainer, a model) keeps what it is given.
        boolean library = !owner.startsWith("java.") && !owner.startsWith("javax.");
        if (!stores && !library && !REARRANGES.contains(name)) {
            return;
        }
        if (!stores && all.drawn()) {
            all = all.with(MEASURED).with(COMPUTED);
        }
        if (receiver != null && targets.container(trees.getTypeMirror(receiver))) {
            dependences.addToVariable(targets.variable(receiver), all);
        }
        if (CONTAINER_UTILITIES.contains(owner)) {
            for (ExpressionTree argument : tree.getArguments()) {
                TreePath argumentPath = new TreePath(path, argument);
                if (targets.container(trees.getTypeMirror(argumentPath))) {
                    dependences.addToVariable(targets.variable(argumentPath), all);
                }
            }
        }
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        // A lambda passed to a library call takes its elements: list.forEach(x -> …), stream.map(x -> …).
        TreePath parent = getCurrentPath().getParentPath();
        if (parent != null && parent.getLeaf() instanceof MethodInvocationTree call) {
            Dependence elements = control.at(parent);
            if (call.getMethodSelect() instanceof MemberSelectTree select) {
                elements = elements.with(expressions.of(parent, select.getExpression()));
            }
            for (ExpressionTree argument : call.getArguments()) {
                if (argument != tree) {
                    elements = elements.with(expressions.of(parent, argument));
                }
            }
            for (VariableTree parameter : tree.getParameters()) {
                dependences.addToVariable(trees.getElement(new TreePath(getCurrentPath(), parameter)), elements);
            }
        }
        return super.visitLambdaExpression(tree, unused);
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
        if (tree.getBody() != null) {
            // What a method returns depends on the conditions it returns early on.
            Dependence early = control.exits(new TreePath(getCurrentPath(), tree.getBody()));
            dependences.addToResult(trees.getElement(getCurrentPath()), early);
        }
        return super.visitMethod(tree, unused);
    }

    @Override
    public Void visitReturn(ReturnTree tree, Void unused) {
        if (tree.getExpression() != null) {
            TreePath method = enclosingMethod(getCurrentPath());
            if (method != null) {
                dependences.addToResult(trees.getElement(method), of(tree.getExpression()).with(here()));
            }
        }
        return super.visitReturn(tree, unused);
    }

    /** The dependence of {@code expression}, a child of the tree being visited. */
    private Dependence of(Tree expression) {
        return expressions.of(getCurrentPath(), expression);
    }

    /** What the tree being visited runs under. */
    private Dependence here() {
        return control.at(getCurrentPath());
    }

    /** Whether the code at {@code path} is in a loop of its own method or lambda. */
    private static boolean inLoop(TreePath path) {
        for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
            switch (p.getLeaf().getKind()) {
                case FOR_LOOP, ENHANCED_FOR_LOOP, WHILE_LOOP, DO_WHILE_LOOP -> {
                    return true;
                }
                case METHOD, LAMBDA_EXPRESSION, CLASS -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** The method a return at {@code path} returns from; null in a lambda, whose returns are its value. */
    private static TreePath enclosingMethod(TreePath path) {
        for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
            switch (p.getLeaf().getKind()) {
                case METHOD -> {
                    return p;
                }
                case LAMBDA_EXPRESSION, CLASS -> {
                    return null;
                }
                default -> {
                }
            }
        }
        return null;
    }

    /** Whether the expression at {@code path} reads {@code variable}. */
    private boolean mentions(TreePath path, Element variable) {
        boolean[] found = {false};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree tree, Void unused) {
                if (variable.equals(trees.getElement(getCurrentPath()))) {
                    found[0] = true;
                }
                return null;
            }

            @Override
            public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
                if (variable.equals(trees.getElement(getCurrentPath()))) {
                    found[0] = true;
                }
                return super.visitMemberSelect(tree, unused);
            }
        }.scan(path, null);
        return found[0];
    }
}
