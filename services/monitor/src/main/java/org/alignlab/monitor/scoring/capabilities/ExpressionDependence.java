package org.alignlab.monitor.scoring.capabilities;

import static org.alignlab.monitor.scoring.capabilities.Dependence.COMPUTED;
import static org.alignlab.monitor.scoring.capabilities.Dependence.HOST;
import static org.alignlab.monitor.scoring.capabilities.Dependence.NONE;
import static org.alignlab.monitor.scoring.capabilities.Dependence.PARAM;
import static org.alignlab.monitor.scoring.capabilities.Dependence.RANDOM;
import static org.alignlab.monitor.scoring.capabilities.Dependence.SEED;
import static org.alignlab.monitor.scoring.capabilities.Dependence.SPLIT;
import static org.alignlab.monitor.scoring.capabilities.Dependence.TEXT;
import static org.alignlab.monitor.scoring.capabilities.Dependence.UNKNOWN;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * What the value of an expression depends on, given what the script's variables and its own methods' results depend on
 * so far ({@link Dependences}). It only reads them: {@link DependencePropagation} is what adds to them.
 */
final class ExpressionDependence {

    /** Nesting past which an expression is not followed: its value is {@link Dependence#UNKNOWN}. */
    private static final int MAX_DEPTH = 200;
    /** Generators that a script can seed: {@code new Random(ctx.seed())}. */
    private static final Set<String> SEEDABLE_GENERATORS = Set.of("java.util.Random", "java.util.SplittableRandom");
    /** Boxing, unboxing, parsing and comparing values: nothing is computed. */
    private static final Set<String> VALUE_TYPES = Set.of("java.lang.Double", "java.lang.Float", "java.lang.Integer",
            "java.lang.Long", "java.lang.Short", "java.lang.Byte", "java.lang.Number", "java.lang.Boolean",
            "java.lang.Objects", "java.lang.Object");
    private static final Set<String> MATH = Set.of("java.lang.Math", "java.lang.StrictMath");
    private static final Set<String> TEXT_TYPES = Set.of("java.lang.String", "java.lang.CharSequence",
            "java.lang.StringBuilder", "java.lang.StringBuffer", "java.lang.AbstractStringBuilder");
    /** What reads a text's characters or bytes rather than the text as a whole. */
    private static final Set<String> TEXT_CONTENT = Set.of("charAt", "chars", "codePoints", "codePointAt",
            "getBytes", "toCharArray", "getChars", "codePointBefore");

    private final Trees trees;
    private final Elements elements;
    private final ApiPolicy policy;
    private final ScriptElements script;
    private final Dependences dependences;
    private int depth;

    ExpressionDependence(Trees trees, Elements elements, ApiPolicy policy, ScriptElements script,
            Dependences dependences) {
        this.trees = trees;
        this.elements = elements;
        this.policy = policy;
        this.script = script;
        this.dependences = dependences;
    }

    /** A random number generator of the JDK's, whose draws are as random as it is. */
    private static boolean generator(String type) {
        return SEEDABLE_GENERATORS.contains(type) || type.startsWith("java.util.random.");
    }

    /** The dependence of the expression {@code expression}, a child of the tree at {@code parent}. */
    Dependence of(TreePath parent, Tree expression) {
        return of(new TreePath(parent, expression));
    }

    /** The dependence of the value of the expression at {@code path}. */
    Dependence of(TreePath path) {
        if (++depth > MAX_DEPTH) {
            depth--;
            return UNKNOWN;
        }
        try {
            return ofTree(path);
        } finally {
            depth--;
        }
    }

    private Dependence ofTree(TreePath path) {
        Tree tree = path.getLeaf();
        return switch (tree.getKind()) {
            case PARENTHESIZED -> of(path, ((ParenthesizedTree) tree).getExpression());
            case TYPE_CAST -> of(path, ((TypeCastTree) tree).getExpression());
            case IDENTIFIER, MEMBER_SELECT -> variable(path);
            case METHOD_INVOCATION -> call(path, (MethodInvocationTree) tree);
            case NEW_CLASS -> construct(path, (NewClassTree) tree);
            case NEW_ARRAY -> newArray(path, (NewArrayTree) tree);
            case ARRAY_ACCESS -> {
                ArrayAccessTree access = (ArrayAccessTree) tree;
                // A drawn index resamples.
                yield of(path, access.getExpression()).with(of(path, access.getIndex()).measuredIfDrawn());
            }
            case CONDITIONAL_EXPRESSION -> {
                ConditionalExpressionTree conditional = (ConditionalExpressionTree) tree;
                yield of(path, conditional.getCondition()).measuredIfDrawn()
                        .with(of(path, conditional.getTrueExpression()))
                        .with(of(path, conditional.getFalseExpression()));
            }
            case ASSIGNMENT -> of(path, ((AssignmentTree) tree).getExpression());
            case PLUS_ASSIGNMENT, MINUS_ASSIGNMENT, MULTIPLY_ASSIGNMENT, DIVIDE_ASSIGNMENT, REMAINDER_ASSIGNMENT,
                    LEFT_SHIFT_ASSIGNMENT, RIGHT_SHIFT_ASSIGNMENT, UNSIGNED_RIGHT_SHIFT_ASSIGNMENT, AND_ASSIGNMENT,
                    OR_ASSIGNMENT, XOR_ASSIGNMENT -> {
                CompoundAssignmentTree compound = (CompoundAssignmentTree) tree;
                yield of(path, compound.getVariable()).with(of(path, compound.getExpression())).with(COMPUTED);
            }
            // A comparison of drawn values is a count, an accuracy, a selection.
            case LESS_THAN, GREATER_THAN, LESS_THAN_EQUAL, GREATER_THAN_EQUAL, EQUAL_TO, NOT_EQUAL_TO ->
                operands(path, (BinaryTree) tree).measuredIfDrawn();
            case CONDITIONAL_AND, CONDITIONAL_OR -> operands(path, (BinaryTree) tree);
            case INSTANCE_OF -> of(path, ((InstanceOfTree) tree).getExpression());
            case LAMBDA_EXPRESSION -> lambda(path, (LambdaExpressionTree) tree);
            case SWITCH_EXPRESSION -> switchExpression(path, (SwitchExpressionTree) tree);
            default -> {
                if (tree instanceof BinaryTree binary) {
                    yield operands(path, binary).with(COMPUTED);
                }
                if (tree instanceof UnaryTree unary) {
                    Dependence operand = of(path, unary.getExpression());
                    yield tree.getKind() == Tree.Kind.LOGICAL_COMPLEMENT ? operand : operand.with(COMPUTED);
                }
                // A literal, a method reference: nothing the script computed.
                yield NONE;
            }
        };
    }

    private Dependence operands(TreePath path, BinaryTree binary) {
        return of(path, binary.getLeftOperand()).with(of(path, binary.getRightOperand()));
    }

    private Dependence newArray(TreePath path, NewArrayTree array) {
        Dependence value = NONE;
        for (ExpressionTree dimension : array.getDimensions()) {
            value = value.with(of(path, dimension));
        }
        if (array.getInitializers() != null) {
            for (ExpressionTree item : array.getInitializers()) {
                value = value.with(of(path, item));
            }
        }
        return value;
    }

    /**
     * A variable the script declares holds what was stored in it, and one read through a value ({@code a.b}) that
     * value's dependence too. A constant, or a variable of the script API or a library (an array's {@code length},
     * which is its shape and so configuration), holds nothing the script computed.
     */
    private Dependence variable(TreePath path) {
        if (!(trees.getElement(path) instanceof VariableElement variable) || variable.getConstantValue() != null
                || !script.declares(variable)) {
            return NONE;
        }
        Dependence stored = dependences.variable(variable);
        return path.getLeaf() instanceof MemberSelectTree select ? stored.with(of(path, select.getExpression()))
                : stored;
    }

    private Dependence call(TreePath path, MethodInvocationTree call) {
        if (!(trees.getElement(path) instanceof ExecutableElement method)) {
            return UNKNOWN;
        }
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        String name = method.getSimpleName().toString();
        if (ScriptElements.isContext(owner)) {
            return switch (name) {
                case "seed" -> SEED;
                case "random" -> RANDOM;
                case "param", "params" -> PARAM;
                case "split" -> SPLIT;
                default -> NONE;
            };
        }
        Dependence receiver = call.getMethodSelect() instanceof MemberSelectTree select
                ? of(path, select.getExpression())
                : NONE;
        if (script.declares(owner)) {
            // What the method returns is in its result; what it is called on, in its fields.
            return dependences.result(method).with(receiver);
        }
        Dependence inputs = receiver;
        for (ExpressionTree argument : call.getArguments()) {
            inputs = inputs.with(of(path, argument));
        }
        return libraryCall(owner, name, receiver, inputs, call.getArguments().isEmpty());
    }

    /** What a call into the JDK or a library returns, from what its receiver and all its inputs depend on. */
    private Dependence libraryCall(TypeElement owner, String name, Dependence receiver, Dependence inputs,
            boolean noArguments) {
        String ownerName = owner.getQualifiedName().toString();
        if (generator(ownerName)) {
            // A draw: as random as its generator, no more measured than it.
            return inputs;
        }
        if (ownerName.startsWith("ai.djl.ndarray") && name.startsWith("random")) {
            return inputs.with(RANDOM);
        }
        if (!policy.member(TypeName.of(owner, elements), name, List.of()).allowed()) {
            return inputs.with(HOST).with(COMPUTED);
        }
        if ((TEXT_TYPES.contains(ownerName) && TEXT_CONTENT.contains(name) || name.equals("hashCode"))
                && (receiver.has(HOST) || receiver.has(PARAM))) {
            return inputs.with(TEXT).with(COMPUTED);
        }
        if (VALUE_TYPES.contains(ownerName) || name.equals("toString") && noArguments) {
            return inputs;
        }
        if (MATH.contains(ownerName)) {
            return inputs.with(COMPUTED);
        }
        // Any other computation (a sort, a stream, a tensor operation): over drawn values, it measures.
        return inputs.with(COMPUTED).measuredIfDrawn();
    }

    private Dependence construct(TreePath path, NewClassTree tree) {
        Dependence arguments = NONE;
        for (ExpressionTree argument : tree.getArguments()) {
            arguments = arguments.with(of(path, argument));
        }
        if (tree.getClassBody() != null) {
            // An anonymous class: what its methods compute is followed through the fields and results they touch,
            // not through the object.
            arguments = arguments.with(UNKNOWN);
        }
        if (!(trees.getElement(path) instanceof ExecutableElement constructor)) {
            return arguments;
        }
        TypeElement owner = (TypeElement) constructor.getEnclosingElement();
        if (SEEDABLE_GENERATORS.contains(owner.getQualifiedName().toString())) {
            // new Random(seed): its draws are the seed's. new Random(42) draws the same for every seed; new Random()
            // draws from the clock.
            if (tree.getArguments().isEmpty()) {
                return HOST;
            }
            // A generator seeded with the split draws that split's data: its draws do not depend on the split as a
            // decision would.
            Dependence seed = arguments.without(SPLIT);
            return seed.has(SEED) || seed.drawn() ? seed.with(RANDOM) : arguments;
        }
        if (!script.declares(owner) && !policy.member(TypeName.of(owner, elements), "<init>", List.of()).allowed()) {
            return arguments.with(HOST);
        }
        return arguments;
    }

    /** A lambda's value is what it returns, from its own body (not from lambdas or classes nested in it). */
    private Dependence lambda(TreePath path, LambdaExpressionTree lambda) {
        if (lambda.getBody() instanceof ExpressionTree body) {
            return of(path, body);
        }
        Dependence[] returned = {NONE};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitReturn(ReturnTree tree, Void unused) {
                if (tree.getExpression() != null) {
                    returned[0] = returned[0].with(of(getCurrentPath(), tree.getExpression()));
                }
                return null;
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
                return null;
            }

            @Override
            public Void visitClass(ClassTree tree, Void unused) {
                return null;
            }
        }.scan(new TreePath(path, lambda.getBody()), null);
        return returned[0];
    }

    /** The selector decides which case's value it is; a case with a block body (its yields) is not followed. */
    private Dependence switchExpression(TreePath path, SwitchExpressionTree expression) {
        Dependence value = of(path, expression.getExpression()).measuredIfDrawn();
        for (CaseTree c : expression.getCases()) {
            value = value.with(c.getBody() instanceof ExpressionTree body ? of(new TreePath(path, c), body) : UNKNOWN);
        }
        return value;
    }
}
