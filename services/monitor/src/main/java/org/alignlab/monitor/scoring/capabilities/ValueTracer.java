package org.alignlab.monitor.scoring.capabilities;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The strings (and paths, kept as their text) an expression of a script can evaluate to, as far as a simple analysis
 * can tell: literals and constants, concatenation, the string and path calls of {@link KnownCalls}, and the values a
 * variable is given anywhere in the script ({@link Assignments}), a parameter of the script's own method included.
 * A conditional or a variable with several values gives each; what it cannot trace is a hole. Bounded: at most
 * {@link #MAX_ALTERNATIVES} values and {@link #MAX_DEPTH} steps, beyond which the value is a free hole.
 */
final class ValueTracer {

    static final int MAX_ALTERNATIVES = 16;
    private static final int MAX_DEPTH = 24;

    private final Trees trees;
    private final Types types;
    private final Assignments assignments;

    ValueTracer(Trees trees, Types types, Assignments assignments) {
        this.trees = trees;
        this.types = types;
        this.assignments = assignments;
    }

    /** Every value the expression at {@code path} may have; never empty. */
    List<Text> values(TreePath path) {
        return eval(path, 0, new HashSet<>());
    }

    /** The expressions a variable is assigned from (see {@link Assignments#values}). */
    List<TreePath> sources(Element variable) {
        return assignments.values(variable);
    }

    private List<Text> eval(TreePath path, int depth, Set<Element> visiting) {
        if (depth > MAX_DEPTH) {
            return List.of(hole(path));
        }
        Tree tree = path.getLeaf();
        List<Text> values = switch (tree.getKind()) {
            case STRING_LITERAL, CHAR_LITERAL, INT_LITERAL, LONG_LITERAL, FLOAT_LITERAL, DOUBLE_LITERAL,
                    BOOLEAN_LITERAL, NULL_LITERAL ->
                List.of(Text.known(String.valueOf(((LiteralTree) tree).getValue())));
            case PARENTHESIZED -> eval(child(path, ((ParenthesizedTree) tree).getExpression()), depth + 1, visiting);
            case TYPE_CAST -> cast(path, (TypeCastTree) tree, depth, visiting);
            case CONDITIONAL_EXPRESSION -> union(
                    eval(child(path, ((ConditionalExpressionTree) tree).getTrueExpression()), depth + 1, visiting),
                    eval(child(path, ((ConditionalExpressionTree) tree).getFalseExpression()), depth + 1, visiting));
            case PLUS, MINUS, MULTIPLY, XOR, OR, AND -> binary(path, (BinaryTree) tree, depth, visiting);
            case IDENTIFIER, MEMBER_SELECT -> variable(path, depth, visiting);
            case METHOD_INVOCATION -> call(path, depth, visiting);
            case NEW_CLASS -> construct(path, (NewClassTree) tree, depth, visiting);
            case NEW_ARRAY -> array(path, (NewArrayTree) tree, depth, visiting);
            default -> List.of(hole(path));
        };
        return values.size() > MAX_ALTERNATIVES ? List.of(Text.FREE) : values;
    }

    private List<Text> cast(TreePath path, TypeCastTree cast, int depth, Set<Element> visiting) {
        TreePath inner = child(path, cast.getExpression());
        List<Text> values = eval(inner, depth + 1, visiting);
        TypeKind to = trees.getTypeMirror(path).getKind();
        TypeKind from = trees.getTypeMirror(inner).getKind();
        if (to == TypeKind.CHAR && from != TypeKind.CHAR) {
            return values.stream().map(v -> v.value().map(n -> Text.known(String.valueOf((char) Long.parseLong(n))))
                    .orElse(Text.FREE)).toList();
        }
        if (from == TypeKind.CHAR && to.isPrimitive() && to != TypeKind.CHAR) {
            return values.stream().map(v -> v.value().filter(s -> s.length() == 1)
                    .map(s -> Text.known(String.valueOf((int) s.charAt(0)))).orElse(Text.TAME)).toList();
        }
        return values;
    }

    private List<Text> binary(TreePath path, BinaryTree tree, int depth, Set<Element> visiting) {
        TreePath left = child(path, tree.getLeftOperand());
        TreePath right = child(path, tree.getRightOperand());
        List<Text> lefts = eval(left, depth + 1, visiting);
        List<Text> rights = eval(right, depth + 1, visiting);
        if (isString(trees.getTypeMirror(path))) {
            if (tree.getKind() != Tree.Kind.PLUS) {
                return List.of(Text.FREE);
            }
            List<Text> joined = new ArrayList<>();
            for (Text l : lefts) {
                for (Text r : rights) {
                    joined.add(l.concat(r));
                }
            }
            return distinct(joined);
        }
        // Integer arithmetic on constants, as in (char) ('a' + 1) or c ^ 0x20.
        List<Text> results = new ArrayList<>();
        for (Text l : lefts) {
            for (Text r : rights) {
                Optional<Long> a = integral(l, trees.getTypeMirror(left));
                Optional<Long> b = integral(r, trees.getTypeMirror(right));
                results.add(a.isPresent() && b.isPresent() ? Text.known(String.valueOf(switch (tree.getKind()) {
                    case PLUS -> a.get() + b.get();
                    case MINUS -> a.get() - b.get();
                    case MULTIPLY -> a.get() * b.get();
                    case XOR -> a.get() ^ b.get();
                    case OR -> a.get() | b.get();
                    default -> a.get() & b.get();
                })) : hole(path));
            }
        }
        return distinct(results);
    }

    private List<Text> variable(TreePath path, int depth, Set<Element> visiting) {
        Element element = trees.getElement(path);
        if (!(element instanceof VariableElement variable)) {
            return List.of(hole(path));
        }
        Object constant = variable.getConstantValue();
        if (constant != null) {
            return List.of(Text.known(String.valueOf(constant)));
        }
        if (!visiting.add(variable)) {
            return List.of(hole(path));
        }
        try {
            List<Text> values = new ArrayList<>();
            List<TreePath> sources = assignments.values(variable);
            for (TreePath source : sources) {
                if (assignments.loopVariable(variable)) {
                    Optional<List<TreePath>> items = elements(source, depth + 1, visiting);
                    if (items.isEmpty()) {
                        values.add(hole(path));
                    } else {
                        for (TreePath item : items.get()) {
                            values.addAll(eval(item, depth + 1, visiting));
                        }
                    }
                } else {
                    values.addAll(eval(source, depth + 1, visiting));
                }
            }
            List<TreePath> appends = assignments.appends(variable);
            if (!appends.isEmpty()) {
                values = appended(values, appends, depth, visiting);
            }
            if (sources.isEmpty() || assignments.untracked(variable)) {
                values.add(hole(path));
            }
            return distinct(values);
        } finally {
            visiting.remove(variable);
        }
    }

    private List<Text> appended(List<Text> starts, List<TreePath> appends, int depth, Set<Element> visiting) {
        List<Text> values = starts;
        for (TreePath append : appends) {
            List<Text> next = new ArrayList<>();
            for (Text start : values) {
                for (Text piece : eval(append, depth + 1, visiting)) {
                    next.add(start.concat(piece));
                }
            }
            values = distinct(next);
        }
        return new ArrayList<>(values);
    }

    private List<Text> call(TreePath path, int depth, Set<Element> visiting) {
        MethodInvocationTree call = (MethodInvocationTree) path.getLeaf();
        if (!(trees.getElement(path) instanceof ExecutableElement method)) {
            return List.of(hole(path));
        }
        List<Text> receivers = new ArrayList<>();
        boolean instance = !method.getModifiers().contains(Modifier.STATIC);
        if (instance) {
            if (!(call.getMethodSelect() instanceof MemberSelectTree select)) {
                return List.of(hole(path));
            }
            receivers.addAll(eval(child(path, select.getExpression()), depth + 1, visiting));
        } else {
            receivers.add(null);
        }
        return fold(path, method, receivers, call.getArguments(), depth, visiting);
    }

    private List<Text> construct(TreePath path, NewClassTree tree, int depth, Set<Element> visiting) {
        if (!(trees.getElement(path) instanceof ExecutableElement constructor)) {
            return List.of(hole(path));
        }
        List<Text> none = new ArrayList<>();
        none.add(null);
        return fold(path, constructor, none, tree.getArguments(), depth, visiting);
    }

    private List<Text> fold(TreePath path, ExecutableElement method, List<Text> receivers,
            List<? extends ExpressionTree> arguments, int depth, Set<Element> visiting) {
        String owner = ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString();
        String name = method.getSimpleName().toString();
        List<String> params = method.getParameters().stream()
                .map(p -> types.erasure(p.asType()).toString()).toList();
        List<List<Text>> combinations = new ArrayList<>();
        combinations.add(new ArrayList<>());
        for (ExpressionTree argument : arguments) {
            List<Text> options = eval(child(path, argument), depth + 1, visiting);
            List<List<Text>> next = new ArrayList<>();
            for (List<Text> prefix : combinations) {
                for (Text option : options) {
                    List<Text> extended = new ArrayList<>(prefix);
                    extended.add(option);
                    next.add(extended);
                }
            }
            if (next.size() * receivers.size() > MAX_ALTERNATIVES) {
                return List.of(hole(path));
            }
            combinations = next;
        }
        List<Text> results = new ArrayList<>();
        for (Text receiver : receivers) {
            for (List<Text> args : combinations) {
                results.add(KnownCalls.fold(owner, name, params, receiver, args).orElseGet(() -> hole(path)));
            }
        }
        return distinct(results);
    }

    /** A char or byte array of constants as the Latin-1 string it spells. */
    private List<Text> array(TreePath path, NewArrayTree tree, int depth, Set<Element> visiting) {
        if (tree.getInitializers() == null) {
            return List.of(hole(path));
        }
        StringBuilder spelled = new StringBuilder();
        for (ExpressionTree item : tree.getInitializers()) {
            TreePath itemPath = child(path, item);
            List<Text> values = eval(itemPath, depth + 1, visiting);
            if (values.size() != 1 || values.get(0).value().isEmpty()) {
                return List.of(Text.FREE);
            }
            Optional<Long> code = integral(values.get(0), trees.getTypeMirror(itemPath));
            if (code.isEmpty()) {
                return List.of(Text.FREE);
            }
            spelled.append((char) (code.get() & 0xFFFF));
        }
        return List.of(Text.known(spelled.toString()));
    }

    /**
     * The items of a collection written in the script: an array initialiser, {@code List.of}, {@code Set.of},
     * {@code Arrays.asList} or {@code Stream.of}, or a variable holding one.
     */
    private Optional<List<TreePath>> elements(TreePath path, int depth, Set<Element> visiting) {
        Tree tree = path.getLeaf();
        if (tree instanceof NewArrayTree array && array.getInitializers() != null) {
            return Optional.of(array.getInitializers().stream().map(item -> child(path, item)).toList());
        }
        if (tree instanceof MethodInvocationTree call && trees.getElement(path) instanceof ExecutableElement method
                && Set.of("of", "asList").contains(method.getSimpleName().toString())) {
            return Optional.of(call.getArguments().stream().map(item -> child(path, (Tree) item)).toList());
        }
        if (depth < MAX_DEPTH && trees.getElement(path) instanceof VariableElement variable
                && !assignments.untracked(variable) && visiting.add(variable)) {
            try {
                List<TreePath> items = new ArrayList<>();
                for (TreePath source : assignments.values(variable)) {
                    Optional<List<TreePath>> inner = elements(source, depth + 1, visiting);
                    if (inner.isEmpty()) {
                        return Optional.empty();
                    }
                    items.addAll(inner.get());
                }
                return items.isEmpty() ? Optional.empty() : Optional.of(items);
            } finally {
                visiting.remove(variable);
            }
        }
        return Optional.empty();
    }

    private Optional<Long> integral(Text text, TypeMirror type) {
        Optional<String> value = text.value();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (type.getKind() == TypeKind.CHAR) {
            return value.get().length() == 1 ? Optional.of((long) value.get().charAt(0)) : Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.get()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A hole as wide as the expression's type allows: a number or a boolean cannot hold a separator. */
    private Text hole(TreePath path) {
        TypeMirror type = trees.getTypeMirror(path);
        if (type == null) {
            return Text.FREE;
        }
        TypeKind kind = type.getKind();
        if (kind.isPrimitive() && kind != TypeKind.CHAR) {
            return Text.TAME;
        }
        TypeMirror unboxed = unboxed(type);
        return unboxed != null && unboxed.getKind() != TypeKind.CHAR ? Text.TAME : Text.FREE;
    }

    private TypeMirror unboxed(TypeMirror type) {
        try {
            return types.unboxedType(type);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isString(TypeMirror type) {
        return type != null && type.toString().equals("java.lang.String");
    }

    private static TreePath child(TreePath parent, Tree tree) {
        return new TreePath(parent, tree);
    }

    private static List<Text> union(List<Text> a, List<Text> b) {
        List<Text> all = new ArrayList<>(a);
        all.addAll(b);
        return distinct(all);
    }

    private static List<Text> distinct(List<Text> values) {
        List<Text> unique = new ArrayList<>(new LinkedHashSet<>(values));
        return unique.size() > MAX_ALTERNATIVES ? List.of(Text.FREE) : unique;
    }
}
