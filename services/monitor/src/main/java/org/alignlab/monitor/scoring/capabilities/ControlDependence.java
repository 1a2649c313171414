package org.alignlab.monitor.scoring.capabilities;

import static org.alignlab.monitor.scoring.capabilities.Dependence.NONE;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import java.util.HashMap;
import java.util.Map;

/**
 * Control dependence: whether code runs at all depends on the conditions around it, so a variable changed under a
 * condition on drawn values depends on them. The conditions are those of the ifs, loops, conditionals and switches
 * around the code within its method or lambda, and those on which a loop or a method is left early.
 *
 * <p>One per round of propagation: what a loop is left early on is cached for the round, as every statement in the
 * loop asks for it, and it grows from one round to the next.
 */
final class ControlDependence {

    private final ExpressionDependence expressions;
    private final Map<Tree, Dependence> exits = new HashMap<>();

    ControlDependence(ExpressionDependence expressions) {
        this.expressions = expressions;
    }

    /** What the code at {@code path} runs under, up to its method, lambda or class. */
    Dependence at(TreePath path) {
        Dependence conditions = NONE;
        Tree child = path.getLeaf();
        for (TreePath p = path.getParentPath(); p != null; child = p.getLeaf(), p = p.getParentPath()) {
            switch (p.getLeaf().getKind()) {
                case METHOD, LAMBDA_EXPRESSION, CLASS, ENUM, RECORD, INTERFACE, COMPILATION_UNIT -> {
                    return conditions;
                }
                default -> conditions = conditions.with(guard(p, child));
            }
        }
        return conditions;
    }

    /**
     * The conditions of the ifs in a loop or a method body whose branches break, continue, return or throw: whether the
     * rest of it runs depends on them.
     */
    Dependence exits(TreePath loopOrBody) {
        return exits.computeIfAbsent(loopOrBody.getLeaf(), leaf -> exitConditions(loopOrBody));
    }

    /** What {@code child} runs under because of {@code parent}, the statement or expression around it. */
    private Dependence guard(TreePath parent, Tree child) {
        Tree leaf = parent.getLeaf();
        return switch (leaf.getKind()) {
            case IF -> {
                Tree condition = ((IfTree) leaf).getCondition();
                yield child == condition ? NONE : condition(parent, condition);
            }
            case WHILE_LOOP -> condition(parent, ((WhileLoopTree) leaf).getCondition()).with(exits(parent));
            case DO_WHILE_LOOP -> condition(parent, ((DoWhileLoopTree) leaf).getCondition()).with(exits(parent));
            case FOR_LOOP -> {
                ForLoopTree loop = (ForLoopTree) leaf;
                yield loop.getInitializer().contains(child) || loop.getCondition() == null ? NONE
                        : condition(parent, loop.getCondition()).with(exits(parent));
            }
            // The iterable is evaluated once, before the loop; the body runs for each element until it exits.
            case ENHANCED_FOR_LOOP -> child == ((EnhancedForLoopTree) leaf).getExpression() ? NONE : exits(parent);
            case CONDITIONAL_EXPRESSION -> {
                Tree condition = ((ConditionalExpressionTree) leaf).getCondition();
                yield child == condition ? NONE : condition(parent, condition);
            }
            case SWITCH -> {
                Tree selector = ((SwitchTree) leaf).getExpression();
                yield child == selector ? NONE : condition(parent, selector);
            }
            case SWITCH_EXPRESSION -> {
                Tree selector = ((SwitchExpressionTree) leaf).getExpression();
                yield child == selector ? NONE : condition(parent, selector);
            }
            default -> NONE;
        };
    }

    private Dependence condition(TreePath parent, Tree condition) {
        return expressions.of(parent, condition).measuredIfDrawn();
    }

    private Dependence exitConditions(TreePath loopOrBody) {
        Dependence[] conditions = {NONE};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitIf(IfTree tree, Void unused) {
                if (leavesEarly(tree.getThenStatement())
                        || tree.getElseStatement() != null && leavesEarly(tree.getElseStatement())) {
                    conditions[0] = conditions[0].with(condition(getCurrentPath(), tree.getCondition()));
                }
                return super.visitIf(tree, unused);
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
                return null;
            }

            @Override
            public Void visitClass(ClassTree tree, Void unused) {
                return null;
            }
        }.scan(loopOrBody, null);
        return conditions[0];
    }

    /** Whether {@code statement} breaks, continues, returns or throws anywhere in it outside a lambda. */
    private static boolean leavesEarly(Tree statement) {
        boolean[] found = {false};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitBreak(BreakTree tree, Void unused) {
                found[0] = true;
                return null;
            }

            @Override
            public Void visitContinue(ContinueTree tree, Void unused) {
                found[0] = true;
                return null;
            }

            @Override
            public Void visitReturn(ReturnTree tree, Void unused) {
                found[0] = true;
                return null;
            }

            @Override
            public Void visitThrow(ThrowTree tree, Void unused) {
                found[0] = true;
                return null;
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
                return null;
            }
        }.scan(statement, null);
        return found[0];
    }
}
