package org.alignlab.monitor.scoring.capabilities;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.alignlab.monitor.scoring.capabilities.MetricFinding.Kind;

/**
 * What each metric a script reports depends on: a dependence (taint) analysis over javac's attributed tree, the one
 * the capability analysis reads. A value depends on the run's seed when it is computed, through any chain of
 * assignments, arithmetic, arrays, collections, calls and the script's own methods, from {@code ctx.seed()},
 * {@code ctx.random()} or a generator constructed from them, and it is <em>measured</em> when what was drawn went
 * through something that measures: a comparison (a count, an accuracy, a selection), an update in a loop that
 * accumulates draws (a sum, a running estimate), a draw used as an index (resampling), or any library computation
 * over drawn values (a sort, a stream, a tensor operation). Control dependence counts: a variable changed under a
 * condition on drawn values depends on them.
 *
 * <p>Flow-insensitive and context-insensitive: each variable (local, parameter, field, lambda parameter) and each of the
 * script's own methods' results has one set of dependences, the union over the whole script, computed to a fixed
 * point. A container (array, list, map, builder) is one variable: whatever is stored in it is in everything read from
 * it. That over-approximates dependence, so a metric reported as not measured has, on every path, no measured input.
 *
 * <p>The report calls that are not measurements ({@link MetricFinding.Kind}): computed from constants and params
 * alone; a quantity computed without the seed plus noise drawn for the occasion (the only link to the seed is that
 * noise); computed from the seed's number itself. Echoes of a constant, a param or the seed (no arithmetic) are
 * configuration, not claims, and pass. A value that reads the host (a timing, a memory size) is a measurement of the
 * host and is left to the capability rules. Names and values that carry text from outside the script (the host, the
 * JVM, files, params hashed into numbers) are reported as data carried in metrics.
 */
final class MetricDependence {

    static final int SEED = 1;
    static final int RANDOM = 1 << 1;
    static final int PARAM = 1 << 2;
    static final int SPLIT = 1 << 3;
    /** Read from outside the script's context: an API off the allow-list (the host, the JVM, files, the clock). */
    static final int HOST = 1 << 4;
    /** Computed from the characters, bytes or hash of text that came from the host or the params. */
    static final int TEXT = 1 << 5;
    static final int MEASURED = 1 << 6;
    /** Arithmetic or a library computation: not a bare constant, param or seed. */
    static final int COMPUTED = 1 << 7;

    private static final int DRAWN = RANDOM | MEASURED;
    private static final int MAX_ROUNDS = 30;
    private static final int MAX_DEPTH = 200;
    private static final String CONTEXT = "org.alignlab.experiments.script.ScriptContext";
    private static final Set<String> GENERATORS = Set.of("java.util.Random", "java.util.SplittableRandom");
    private static final Set<String> VALUE_TYPES = Set.of("java.lang.Double", "java.lang.Float", "java.lang.Integer",
            "java.lang.Long", "java.lang.Short", "java.lang.Byte", "java.lang.Number", "java.lang.Boolean",
            "java.lang.Objects", "java.lang.Object");
    private static final Set<String> MATH = Set.of("java.lang.Math", "java.lang.StrictMath");
    private static final Set<String> TEXT_TYPES = Set.of("java.lang.String", "java.lang.CharSequence",
            "java.lang.StringBuilder", "java.lang.StringBuffer", "java.lang.AbstractStringBuilder");
    private static final Set<String> TEXT_CONTENT = Set.of("charAt", "chars", "codePoints", "codePointAt",
            "getBytes", "toCharArray", "getChars", "codePointBefore");
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

    /** What the analysis found: every report call, and those that are not measurements. */
    record Result(List<ReportedMetric> metrics, List<MetricFinding> findings) {
    }

    private final Trees trees;
    private final Elements elements;
    private final Types types;
    private final CompilationUnitTree unit;
    private final ApiPolicy policy;
    private final ValueTracer tracer;
    private final Map<Element, Integer> variables = new HashMap<>();
    private final Map<Element, Integer> results = new HashMap<>();
    private final Map<Tree, Integer> exits = new HashMap<>();
    private boolean changed;
    private int depth;

    MetricDependence(Trees trees, Elements elements, Types types, CompilationUnitTree unit, ApiPolicy policy,
            ValueTracer tracer) {
        this.trees = trees;
        this.elements = elements;
        this.types = types;
        this.unit = unit;
        this.policy = policy;
        this.tracer = tracer;
    }

    Result analyse() {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            changed = false;
            exits.clear();
            new Propagate().scan(unit, null);
            if (!changed) {
                break;
            }
        }
        exits.clear();
        Collect collect = new Collect();
        collect.scan(unit, null);
        return new Result(collect.metrics, collect.findings);
    }

    /** The dependences of the value of the expression at {@code path}. */
    int eval(TreePath path) {
        if (++depth > MAX_DEPTH) {
            depth--;
            // Too deep to follow: assume it measures, so that nothing is reported on a guess.
            return MEASURED | RANDOM | COMPUTED;
        }
        try {
            return evalTree(path);
        } finally {
            depth--;
        }
    }

    private int evalTree(TreePath path) {
        Tree tree = path.getLeaf();
        switch (tree.getKind()) {
            case PARENTHESIZED :
                return eval(child(path, ((ParenthesizedTree) tree).getExpression()));
            case TYPE_CAST :
                return eval(child(path, ((TypeCastTree) tree).getExpression()));
            case IDENTIFIER :
            case MEMBER_SELECT :
                return variable(path);
            case METHOD_INVOCATION :
                return call(path, (MethodInvocationTree) tree);
            case NEW_CLASS :
                return construct(path, (NewClassTree) tree);
            case NEW_ARRAY : {
                NewArrayTree array = (NewArrayTree) tree;
                int t = 0;
                for (ExpressionTree dimension : array.getDimensions()) {
                    t |= eval(child(path, dimension));
                }
                if (array.getInitializers() != null) {
                    for (ExpressionTree item : array.getInitializers()) {
                        t |= eval(child(path, item));
                    }
                }
                return t;
            }
            case ARRAY_ACCESS : {
                ArrayAccessTree access = (ArrayAccessTree) tree;
                return eval(child(path, access.getExpression())) | index(eval(child(path, access.getIndex())));
            }
            case CONDITIONAL_EXPRESSION : {
                ConditionalExpressionTree conditional = (ConditionalExpressionTree) tree;
                return condition(eval(child(path, conditional.getCondition())))
                        | eval(child(path, conditional.getTrueExpression()))
                        | eval(child(path, conditional.getFalseExpression()));
            }
            case ASSIGNMENT :
                return eval(child(path, ((AssignmentTree) tree).getExpression()));
            case PLUS_ASSIGNMENT, MINUS_ASSIGNMENT, MULTIPLY_ASSIGNMENT, DIVIDE_ASSIGNMENT, REMAINDER_ASSIGNMENT,
                    LEFT_SHIFT_ASSIGNMENT, RIGHT_SHIFT_ASSIGNMENT, UNSIGNED_RIGHT_SHIFT_ASSIGNMENT, AND_ASSIGNMENT,
                    OR_ASSIGNMENT, XOR_ASSIGNMENT : {
                CompoundAssignmentTree compound = (CompoundAssignmentTree) tree;
                return eval(child(path, compound.getVariable())) | eval(child(path, compound.getExpression()))
                        | COMPUTED;
            }
            case LESS_THAN, GREATER_THAN, LESS_THAN_EQUAL, GREATER_THAN_EQUAL, EQUAL_TO, NOT_EQUAL_TO : {
                BinaryTree binary = (BinaryTree) tree;
                return condition(eval(child(path, binary.getLeftOperand()))
                        | eval(child(path, binary.getRightOperand())));
            }
            case CONDITIONAL_AND, CONDITIONAL_OR : {
                BinaryTree binary = (BinaryTree) tree;
                return eval(child(path, binary.getLeftOperand())) | eval(child(path, binary.getRightOperand()));
            }
            case INSTANCE_OF :
                return eval(child(path, ((InstanceOfTree) tree).getExpression()));
            case LAMBDA_EXPRESSION :
                return lambda(path, (LambdaExpressionTree) tree);
            case SWITCH_EXPRESSION : {
                SwitchExpressionTree expression = (SwitchExpressionTree) tree;
                int t = condition(eval(child(path, expression.getExpression())));
                for (CaseTree c : expression.getCases()) {
                    if (c.getBody() instanceof ExpressionTree body) {
                        t |= eval(child(child(path, c), body));
                    } else {
                        t |= RANDOM | MEASURED;
                    }
                }
                return t;
            }
            default :
                if (tree instanceof BinaryTree binary) {
                    return eval(child(path, binary.getLeftOperand())) | eval(child(path, binary.getRightOperand()))
                            | COMPUTED;
                }
                if (tree instanceof UnaryTree unary) {
                    return eval(child(path, unary.getExpression()))
                            | (tree.getKind() == Tree.Kind.LOGICAL_COMPLEMENT ? 0 : COMPUTED);
                }
                return 0;
        }
    }

    /** A value read at an index: a drawn index resamples, which measures. */
    private static int index(int t) {
        return t | ((t & DRAWN) != 0 ? MEASURED : 0);
    }

    /** A condition on drawn values measures (a count, a selection); on anything else it just depends. */
    private static int condition(int t) {
        return t | ((t & DRAWN) != 0 ? MEASURED : 0);
    }

    private int variable(TreePath path) {
        Element element = trees.getElement(path);
        if (element instanceof VariableElement variable) {
            if (variable.getConstantValue() != null) {
                return 0;
            }
            if (own(variable)) {
                int t = variables.getOrDefault(variable, 0);
                if (path.getLeaf() instanceof MemberSelectTree select) {
                    t |= eval(child(path, select.getExpression()));
                }
                return t;
            }
            if (element.getSimpleName().contentEquals("length") && path.getLeaf() instanceof MemberSelectTree) {
                // An array's length: its shape, which is configuration.
                return 0;
            }
            return 0;
        }
        return 0;
    }

    private int call(TreePath path, MethodInvocationTree call) {
        if (!(trees.getElement(path) instanceof ExecutableElement method)) {
            return RANDOM | MEASURED;
        }
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        String ownerName = owner.getQualifiedName().toString();
        String name = method.getSimpleName().toString();
        int receiver = 0;
        if (call.getMethodSelect() instanceof MemberSelectTree select) {
            receiver = eval(child(path, select.getExpression()));
        }
        int arguments = 0;
        for (ExpressionTree argument : call.getArguments()) {
            arguments |= eval(child(path, argument));
        }
        if (ownerName.equals(CONTEXT)) {
            return switch (name) {
                case "seed" -> SEED;
                case "random" -> RANDOM;
                case "param", "params" -> PARAM;
                case "split" -> SPLIT;
                default -> 0;
            };
        }
        if (script(owner)) {
            return results.getOrDefault(method, 0) | receiver;
        }
        int both = receiver | arguments;
        if (generator(ownerName)) {
            // A draw: as random as its generator, no more measured than it.
            return both;
        }
        if (ownerName.startsWith("ai.djl.ndarray") && name.startsWith("random")) {
            return both | RANDOM;
        }
        if (!policy.member(TypeName.of(owner, elements), name, List.of()).allowed()) {
            return both | HOST | COMPUTED;
        }
        if ((TEXT_TYPES.contains(ownerName) && TEXT_CONTENT.contains(name) || name.equals("hashCode"))
                && (receiver & (HOST | PARAM)) != 0) {
            return both | TEXT | COMPUTED;
        }
        if (VALUE_TYPES.contains(ownerName) || name.equals("toString") && call.getArguments().isEmpty()) {
            return both;
        }
        if (MATH.contains(ownerName)) {
            return both | COMPUTED;
        }
        return both | COMPUTED | ((both & DRAWN) != 0 ? MEASURED : 0);
    }

    private int construct(TreePath path, NewClassTree tree) {
        int arguments = 0;
        for (ExpressionTree argument : tree.getArguments()) {
            arguments |= eval(child(path, argument));
        }
        if (tree.getClassBody() != null) {
            // An anonymous class: what its methods compute is in the fields and results they touch.
            arguments |= RANDOM | MEASURED;
        }
        if (!(trees.getElement(path) instanceof ExecutableElement constructor)) {
            return arguments;
        }
        TypeElement owner = (TypeElement) constructor.getEnclosingElement();
        String ownerName = owner.getQualifiedName().toString();
        if (GENERATORS.contains(ownerName)) {
            // new Random(seed): its draws are the seed's. new Random(42) draws the same for every seed; new Random()
            // draws from the clock.
            if (tree.getArguments().isEmpty()) {
                return HOST;
            }
            return arguments | ((arguments & (SEED | DRAWN)) != 0 ? RANDOM : 0);
        }
        if (!script(owner) && !policy.member(TypeName.of(owner, elements), "<init>", List.of()).allowed()) {
            return arguments | HOST;
        }
        return arguments;
    }

    private int lambda(TreePath path, LambdaExpressionTree lambda) {
        if (lambda.getBody() instanceof ExpressionTree body) {
            return eval(child(path, body));
        }
        int[] t = {0};
        TreePath bodyPath = child(path, lambda.getBody());
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitReturn(ReturnTree tree, Void unused) {
                if (tree.getExpression() != null) {
                    t[0] |= eval(child(getCurrentPath(), tree.getExpression()));
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
        }.scan(bodyPath, null);
        return t[0];
    }

    private static boolean generator(String owner) {
        return GENERATORS.contains(owner) || owner.startsWith("java.util.random.");
    }

    /** A variable the script declares (javac gives a tree for its declaration). */
    private boolean own(VariableElement variable) {
        if (variable.getKind() == ElementKind.FIELD || variable.getKind() == ElementKind.ENUM_CONSTANT) {
            return variable.getEnclosingElement() instanceof TypeElement owner && script(owner);
        }
        return true;
    }

    private boolean script(TypeElement type) {
        return trees.getTree(type) != null;
    }

    /**
     * What the code at {@code path} runs under: the conditions of the ifs, loops, conditionals and switches around
     * it (within its method or lambda), including conditions on which a loop breaks or returns early.
     */
    int control(TreePath path) {
        int t = 0;
        Tree child = path.getLeaf();
        for (TreePath p = path.getParentPath(); p != null; child = p.getLeaf(), p = p.getParentPath()) {
            Tree leaf = p.getLeaf();
            switch (leaf.getKind()) {
                case METHOD, LAMBDA_EXPRESSION, CLASS, ENUM, RECORD, INTERFACE, COMPILATION_UNIT :
                    return t;
                case IF :
                    if (child != ((IfTree) leaf).getCondition()) {
                        t |= condition(eval(child(p, ((IfTree) leaf).getCondition())));
                    }
                    break;
                case WHILE_LOOP :
                    t |= condition(eval(child(p, ((WhileLoopTree) leaf).getCondition()))) | exits(p);
                    break;
                case DO_WHILE_LOOP :
                    t |= condition(eval(child(p, ((DoWhileLoopTree) leaf).getCondition()))) | exits(p);
                    break;
                case FOR_LOOP : {
                    ForLoopTree loop = (ForLoopTree) leaf;
                    if (!loop.getInitializer().contains(child) && loop.getCondition() != null) {
                        t |= condition(eval(child(p, loop.getCondition()))) | exits(p);
                    }
                    break;
                }
                case ENHANCED_FOR_LOOP :
                    if (child != ((EnhancedForLoopTree) leaf).getExpression()) {
                        t |= exits(p);
                    }
                    break;
                case CONDITIONAL_EXPRESSION :
                    if (child != ((ConditionalExpressionTree) leaf).getCondition()) {
                        t |= condition(eval(child(p, ((ConditionalExpressionTree) leaf).getCondition())));
                    }
                    break;
                case SWITCH :
                    if (child != ((SwitchTree) leaf).getExpression()) {
                        t |= condition(eval(child(p, ((SwitchTree) leaf).getExpression())));
                    }
                    break;
                case SWITCH_EXPRESSION :
                    if (child != ((SwitchExpressionTree) leaf).getExpression()) {
                        t |= condition(eval(child(p, ((SwitchExpressionTree) leaf).getExpression())));
                    }
                    break;
                default :
                    break;
            }
        }
        return t;
    }

    /** The conditions of the ifs in a loop's or method's body that leave it early (break, return, throw). */
    private int exits(TreePath owner) {
        Integer known = exits.get(owner.getLeaf());
        if (known != null) {
            return known;
        }
        exits.put(owner.getLeaf(), 0);
        int[] t = {0};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitIf(IfTree tree, Void unused) {
                if (leaves(tree.getThenStatement()) || tree.getElseStatement() != null
                        && leaves(tree.getElseStatement())) {
                    t[0] |= condition(eval(child(getCurrentPath(), tree.getCondition())));
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
        }.scan(owner, null);
        exits.put(owner.getLeaf(), t[0]);
        return t[0];
    }

    private static boolean leaves(Tree statement) {
        boolean[] found = {false};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitBreak(com.sun.source.tree.BreakTree tree, Void unused) {
                found[0] = true;
                return null;
            }

            @Override
            public Void visitReturn(ReturnTree tree, Void unused) {
                found[0] = true;
                return null;
            }

            @Override
            public Void visitThrow(com.sun.source.tree.ThrowTree tree, Void unused) {
                found[0] = true;
                return null;
            }

            @Override
            public Void visitContinue(com.sun.source.tree.ContinueTree tree, Void unused) {
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

    private static boolean inLoop(TreePath path) {
        for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
            switch (p.getLeaf().getKind()) {
                case FOR_LOOP, ENHANCED_FOR_LOOP, WHILE_LOOP, DO_WHILE_LOOP :
                    return true;
                case METHOD, LAMBDA_EXPRESSION, CLASS :
                    return false;
                default :
                    break;
            }
        }
        return false;
    }

    /** The variable an assignment target or a receiver stands for: {@code xs} for {@code xs[i][j]}. */
    private Element root(TreePath path) {
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
        Element element = trees.getElement(child(path, tree));
        return element instanceof VariableElement variable && own(variable) ? element : null;
    }

    /** The dependences of every index on the way from {@code target} to its root variable ({@code xs[i][j]}). */
    private int indices(TreePath path) {
        int t = 0;
        Tree tree = path.getLeaf();
        while (tree instanceof ArrayAccessTree || tree instanceof ParenthesizedTree) {
            if (tree instanceof ArrayAccessTree access) {
                t |= index(eval(child(path, access.getIndex())));
                tree = access.getExpression();
            } else {
                tree = ((ParenthesizedTree) tree).getExpression();
            }
        }
        return t;
    }

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

    private void flow(Element variable, int t) {
        if (variable == null || t == 0) {
            return;
        }
        int old = variables.getOrDefault(variable, 0);
        if ((old | t) != old) {
            variables.put(variable, old | t);
            changed = true;
        }
    }

    private void result(Element method, int t) {
        int old = results.getOrDefault(method, 0);
        if ((old | t) != old) {
            results.put(method, old | t);
            changed = true;
        }
    }

    private boolean mutable(TypeMirror type) {
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

    /** One round of propagation: every assignment, store, call and return adds to what its target depends on. */
    private final class Propagate extends TreePathScanner<Void, Void> {

        @Override
        public Void visitVariable(VariableTree tree, Void unused) {
            if (tree.getInitializer() != null) {
                Element variable = trees.getElement(getCurrentPath());
                flow(variable, eval(child(getCurrentPath(), tree.getInitializer())) | control(getCurrentPath()));
            }
            return super.visitVariable(tree, unused);
        }

        @Override
        public Void visitEnhancedForLoop(EnhancedForLoopTree tree, Void unused) {
            Element variable = trees.getElement(child(getCurrentPath(), tree.getVariable()));
            flow(variable, eval(child(getCurrentPath(), tree.getExpression())) | control(getCurrentPath()));
            return super.visitEnhancedForLoop(tree, unused);
        }

        @Override
        public Void visitAssignment(AssignmentTree tree, Void unused) {
            TreePath target = child(getCurrentPath(), tree.getVariable());
            Element variable = root(target);
            int value = eval(child(getCurrentPath(), tree.getExpression())) | indices(target)
                    | control(getCurrentPath());
            if (variable != null && (value & DRAWN) != 0 && inLoop(getCurrentPath())
                    && mentions(child(getCurrentPath(), tree.getExpression()), variable)) {
                // x = f(x, draw) in a loop accumulates draws: a running estimate.
                value |= MEASURED;
            }
            flow(variable, value);
            return super.visitAssignment(tree, unused);
        }

        @Override
        public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
            TreePath target = child(getCurrentPath(), tree.getVariable());
            int value = eval(child(getCurrentPath(), tree.getExpression())) | indices(target)
                    | control(getCurrentPath()) | COMPUTED;
            if ((value & DRAWN) != 0 && inLoop(getCurrentPath())) {
                // A sum of draws over a loop.
                value |= MEASURED;
            }
            flow(root(target), value);
            return super.visitCompoundAssignment(tree, unused);
        }

        @Override
        public Void visitUnary(UnaryTree tree, Void unused) {
            switch (tree.getKind()) {
                case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> {
                    TreePath target = child(getCurrentPath(), tree.getExpression());
                    flow(root(target), indices(target) | control(getCurrentPath()));
                }
                default -> {
                }
            }
            return super.visitUnary(tree, unused);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
            Element callee = trees.getElement(getCurrentPath());
            if (callee instanceof ExecutableElement method) {
                TypeElement owner = (TypeElement) method.getEnclosingElement();
                if (script(owner)) {
                    pass(method, tree.getArguments());
                } else if (!owner.getQualifiedName().contentEquals(CONTEXT)) {
                    store(method, tree);
                }
            }
            return super.visitMethodInvocation(tree, unused);
        }

        @Override
        public Void visitNewClass(NewClassTree tree, Void unused) {
            if (trees.getElement(getCurrentPath()) instanceof ExecutableElement constructor
                    && constructor.getEnclosingElement() instanceof TypeElement owner && script(owner)) {
                pass(constructor, tree.getArguments());
            }
            return super.visitNewClass(tree, unused);
        }

        /** The script's own method: each parameter depends on what every call passes it. */
        private void pass(ExecutableElement method, List<? extends ExpressionTree> arguments) {
            var parameters = method.getParameters();
            int control = control(getCurrentPath());
            for (int i = 0; i < arguments.size() && !parameters.isEmpty(); i++) {
                int p = Math.min(i, parameters.size() - 1);
                TreePath argument = child(getCurrentPath(), arguments.get(i));
                flow(parameters.get(p), eval(argument) | control);
                if (mutable(trees.getTypeMirror(argument))) {
                    // fill(xs): the method writes into the caller's array or list.
                    flow(root(argument), variables.getOrDefault(parameters.get(p), 0));
                }
            }
        }

        /**
         * A library call changes what its receiver and its container arguments hold: {@code list.add(x)},
         * {@code Arrays.setAll(xs, i -> draw())}, {@code System.arraycopy(a, 0, b, 0, n)}, {@code Arrays.sort(xs)}.
         */
        private void store(ExecutableElement method, MethodInvocationTree tree) {
            TreePath path = getCurrentPath();
            int all = control(path);
            TreePath receiver = tree.getMethodSelect() instanceof MemberSelectTree select
                    ? child(path, select.getExpression()) : null;
            if (receiver != null) {
                all |= eval(receiver);
            }
            for (ExpressionTree argument : tree.getArguments()) {
                all |= eval(child(path, argument));
            }
            String name = method.getSimpleName().toString();
            String owner = ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString();
            boolean stores = STORES.contains(name);
            // A library object outside the JDK (a DJL trainer, a model) keeps what it is given.
            boolean library = !owner.startsWith("java.") && !owner.startsWith("javax.");
            if (!stores && !library && !REARRANGES.contains(name)) {
                return;
            }
            if (!stores && (all & DRAWN) != 0) {
                all |= MEASURED | COMPUTED;
            }
            if (generator(owner)) {
                return;
            }
            if (receiver != null && mutable(trees.getTypeMirror(receiver))) {
                flow(root(receiver), all);
            }
            if (CONTAINER_UTILITIES.contains(owner)) {
                for (ExpressionTree argument : tree.getArguments()) {
                    TreePath argumentPath = child(path, argument);
                    if (mutable(trees.getTypeMirror(argumentPath))) {
                        flow(root(argumentPath), all);
                    }
                }
            }
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
            // A lambda passed to a library call takes its elements: list.forEach(x -> …), stream.map(x -> …).
            TreePath parent = getCurrentPath().getParentPath();
            if (parent != null && parent.getLeaf() instanceof MethodInvocationTree call) {
                int t = control(parent);
                if (call.getMethodSelect() instanceof MemberSelectTree select) {
                    t |= eval(child(parent, select.getExpression()));
                }
                for (ExpressionTree argument : call.getArguments()) {
                    if (argument != tree) {
                        t |= eval(child(parent, argument));
                    }
                }
                for (VariableTree parameter : tree.getParameters()) {
                    flow(trees.getElement(child(getCurrentPath(), parameter)), t);
                }
            }
            return super.visitLambdaExpression(tree, unused);
        }

        @Override
        public Void visitMethod(MethodTree tree, Void unused) {
            if (tree.getBody() != null) {
                Element method = trees.getElement(getCurrentPath());
                int early = exits(child(getCurrentPath(), tree.getBody()));
                if (early != 0 && method != null && !results.containsKey(method)) {
                    results.put(method, 0);
                }
                if (method != null && early != 0) {
                    result(method, early);
                }
            }
            return super.visitMethod(tree, unused);
        }

        @Override
        public Void visitReturn(ReturnTree tree, Void unused) {
            if (tree.getExpression() != null) {
                TreePath method = enclosingMethod(getCurrentPath());
                if (method != null) {
                    result(trees.getElement(method), eval(child(getCurrentPath(), tree.getExpression()))
                            | control(getCurrentPath()));
                }
            }
            return super.visitReturn(tree, unused);
        }
    }

    private static TreePath enclosingMethod(TreePath path) {
        for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
            switch (p.getLeaf().getKind()) {
                case METHOD :
                    return p;
                case LAMBDA_EXPRESSION, CLASS :
                    return null;
                default :
                    break;
            }
        }
        return null;
    }

    /** Reads every {@code ctx.report(name, value)} once the dependences are known. */
    private final class Collect extends TreePathScanner<Void, Void> {

        final List<ReportedMetric> metrics = new ArrayList<>();
        final List<MetricFinding> findings = new ArrayList<>();

        @Override
        public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
            if (trees.getElement(getCurrentPath()) instanceof ExecutableElement method
                    && method.getSimpleName().contentEquals("report") && tree.getArguments().size() == 2
                    && method.getEnclosingElement() instanceof TypeElement owner
                    && owner.getQualifiedName().contentEquals(CONTEXT)) {
                report(tree);
            }
            return super.visitMethodInvocation(tree, unused);
        }

        private void report(MethodInvocationTree tree) {
            TreePath namePath = child(getCurrentPath(), tree.getArguments().get(0));
            TreePath valuePath = child(getCurrentPath(), tree.getArguments().get(1));
            long line = line(tree);
            String name = tracer.values(namePath).stream().limit(3).map(Text::display)
                    .collect(Collectors.joining(" | "));
            int value = eval(valuePath);
            metrics.add(new ReportedMetric(line, name, (value & (HOST | MEASURED)) != 0));
            int nameDependence = eval(namePath);
            if ((nameDependence & (HOST | TEXT)) != 0) {
                findings.add(new MetricFinding(Kind.NAME_CARRIES_DATA, line, name, "the name is built from what the"
                        + " script read outside its context (the host, the JVM, files); a metric's name is not data"));
            }
            if ((value & TEXT) != 0) {
                findings.add(new MetricFinding(Kind.VALUE_ENCODES_TEXT, line, name, "the value is computed from the"
                        + " characters, bytes or hash of text from the host or the params, not from the experiment"));
            } else if ((value & (HOST | MEASURED)) != 0) {
                return;
            } else if ((value & RANDOM) != 0) {
                findings.add(new MetricFinding(Kind.NOISE_ON_ASSERTED, line, name, "its only link to the seed is"
                        + " noise drawn and added to a quantity computed " + without(value)));
            } else if ((value & SEED) != 0 && (value & COMPUTED) != 0) {
                findings.add(new MetricFinding(Kind.CHOSEN_BY_SEED, line, name, "computed from the seed's number"
                        + " itself, not from anything drawn with it or measured"));
            } else if ((value & (SEED | COMPUTED)) == COMPUTED) {
                findings.add(new MetricFinding(Kind.ASSERTED, line, name, "computed " + without(value)
                        + ": the same for every seed"));
            }
        }

        private String without(int value) {
            return (value & PARAM) != 0 ? "from the params and constants alone" : "from constants alone";
        }
    }

    private long line(Tree tree) {
        long position = trees.getSourcePositions().getStartPosition(unit, tree);
        return position < 0 ? 0 : unit.getLineMap().getLineNumber(position);
    }

    private static TreePath child(TreePath parent, Tree tree) {
        return new TreePath(parent, tree);
    }
}
