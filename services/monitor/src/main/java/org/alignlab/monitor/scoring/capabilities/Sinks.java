package org.alignlab.monitor.scoring.capabilities;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.alignlab.monitor.scoring.capabilities.ApiPolicy.Verdict;

/**
 * The calls whose meaning depends on a value: a file API on a path (inside the work dir or not), an environment read
 * on a variable's or property's name (a secret or not), and reflection on a class or member name (what it reaches).
 * Each is judged on every value {@link ValueTracer} finds for the argument, the worst one counting.
 */
final class Sinks {

    private static final Set<String> ENVIRONMENT_READS = Set.of("java.lang.System.getenv",
            "java.lang.System.getProperty", "java.lang.Boolean.getBoolean", "java.lang.Integer.getInteger",
            "java.lang.Long.getLong");

    /** Constructors whose first String argument is a file name. */
    private static final Set<String> FILE_NAME_CONSTRUCTORS = Set.of("java.io.FileInputStream",
            "java.io.FileOutputStream", "java.io.FileReader", "java.io.FileWriter", "java.io.RandomAccessFile",
            "java.io.PrintStream", "java.io.PrintWriter", "java.util.Formatter", "java.util.zip.ZipFile",
            "java.util.jar.JarFile", "java.util.logging.FileHandler");

    private static final Set<String> PATH_TYPES = Set.of("java.nio.file.Path", "java.io.File");

    private static final Set<String> CLASS_BY_NAME = Set.of("java.lang.Class.forName",
            "java.lang.ClassLoader.loadClass",
            "java.lang.invoke.MethodHandles.Lookup.findClass");

    /** Calls that reach a member by name: which argument is the name, which the class (-1: the receiver). */
    private record ByName(int nameArgument, int classArgument) {
    }

    private static final Map<String, ByName> MEMBER_BY_NAME = Map.ofEntries(
            Map.entry("java.lang.Class.getMethod", new ByName(0, -1)),
            Map.entry("java.lang.Class.getDeclaredMethod", new ByName(0, -1)),
            Map.entry("java.lang.Class.getField", new ByName(0, -1)),
            Map.entry("java.lang.Class.getDeclaredField", new ByName(0, -1)),
            Map.entry("java.lang.invoke.MethodHandles.Lookup.findVirtual", new ByName(1, 0)),
            Map.entry("java.lang.invoke.MethodHandles.Lookup.findStatic", new ByName(1, 0)),
            Map.entry("java.lang.invoke.MethodHandles.Lookup.findSpecial", new ByName(1, 0)),
            Map.entry("java.lang.invoke.MethodHandles.Lookup.findGetter", new ByName(1, 0)),
            Map.entry("java.lang.invoke.MethodHandles.Lookup.findSetter", new ByName(1, 0)),
            Map.entry("java.lang.invoke.MethodHandles.Lookup.findStaticGetter", new ByName(1, 0)),
            Map.entry("java.lang.invoke.MethodHandles.Lookup.findStaticSetter", new ByName(1, 0)),
            Map.entry("java.lang.invoke.MethodHandles.Lookup.findVarHandle", new ByName(1, 0)),
            Map.entry("java.lang.invoke.MethodHandles.Lookup.findStaticVarHandle", new ByName(1, 0)),
            Map.entry("java.beans.Statement.<init>", new ByName(1, 0)),
            Map.entry("java.beans.Expression.<init>", new ByName(1, 0)));

    private static final int CLASS_TRACE_DEPTH = 6;

    private final CapabilityScanner scanner;
    private final Trees trees;
    private final Elements elements;
    private final Types types;
    private final ApiPolicy policy;
    private final ValueTracer values;

    Sinks(CapabilityScanner scanner, Trees trees, Elements elements, Types types, ApiPolicy policy,
            ValueTracer values) {
        this.scanner = scanner;
        this.trees = trees;
        this.elements = elements;
        this.types = types;
        this.policy = policy;
        this.values = values;
    }

    /**
     * Judges a call of {@code method} of {@code owner} (not the script's own) whose policy verdict is {@code verdict}.
     *
     * @param receiver the receiver expression, null for a static method, a constructor or an implicit {@code this}
     */
    void call(TreePath call, TypeElement owner, ExecutableElement method, Verdict verdict,
            List<? extends ExpressionTree> arguments, ExpressionTree receiver) {
        String name = owner.getQualifiedName() + "." + (call.getLeaf() instanceof MethodInvocationTree
                ? method.getSimpleName().toString() : "<init>");
        if (ENVIRONMENT_READS.contains(name) && !arguments.isEmpty()) {
            environment(call, name, arguments.get(0));
        }
        if (verdict.capability() == Capability.FILES || pathType(trees.getTypeMirror(call))) {
            paths(call, owner, arguments, receiver);
        }
        if (CLASS_BY_NAME.contains(name) && !arguments.isEmpty()) {
            for (String className : known(child(call, arguments.get(0)))) {
                reached(call, verdictOfClass(className), name + "(\"" + className + "\")");
            }
        }
        ByName byName = MEMBER_BY_NAME.get(name);
        if (byName != null && arguments.size() > byName.nameArgument()) {
            List<String> memberNames = known(child(call, arguments.get(byName.nameArgument())));
            List<TypeName> classes = byName.classArgument() < 0
                    ? receiver == null ? List.of() : classes(child(call, receiver), 0)
                    : targetClasses(child(call, arguments.get(byName.classArgument())), name);
            for (String member : memberNames) {
                if (classes.isEmpty()) {
                    scanner.add(ApiPolicy.hard(verdict.capability() == null ? Capability.REFLECTION
                            : verdict.capability(), "reaches '" + member + "' by name"), call.getLeaf(),
                            name + "(\"" + member + "\")");
                }
                for (TypeName type : classes) {
                    reached(call, policy.member(type, member, List.of()), name + "(\"" + member + "\") on "
                            + type.qualifiedName());
                }
            }
        }
    }

    private void environment(TreePath call, String api, ExpressionTree key) {
        for (Text name : values.values(child(call, key))) {
            String reason = EnvironmentKeys.hardReason(api, name);
            if (reason != null) {
                scanner.add(ApiPolicy.hard(Capability.ENVIRONMENT, reason), call.getLeaf(),
                        api + "(\"" + name.display() + "\")");
                return;
            }
        }
    }

    /**
     * The paths a file call touches: the path or file it makes, the paths and files it is given, the one it is called
     * on, and a file name given to a stream's or writer's constructor.
     */
    private void paths(TreePath call, TypeElement owner, List<? extends ExpressionTree> arguments,
            ExpressionTree receiver) {
        List<TreePath> candidates = new ArrayList<>();
        if (pathType(trees.getTypeMirror(call))) {
            candidates.add(call);
        }
        for (ExpressionTree argument : arguments) {
            TreePath path = child(call, argument);
            if (pathType(trees.getTypeMirror(path))) {
                candidates.add(path);
            }
        }
        if (receiver != null && pathType(trees.getTypeMirror(child(call, receiver)))) {
            candidates.add(child(call, receiver));
        }
        if (FILE_NAME_CONSTRUCTORS.contains(owner.getQualifiedName().toString()) && !arguments.isEmpty()
                && isString(trees.getTypeMirror(child(call, arguments.get(0))))) {
            candidates.add(child(call, arguments.get(0)));
        }
        for (TreePath candidate : candidates) {
            for (Text path : values.values(candidate)) {
                PathJudge.Verdict where = PathJudge.judge(path);
                if (where.where() == PathJudge.Where.OUTSIDE) {
                    boolean hostState = where.shown().startsWith("/proc") || where.shown().startsWith("/sys");
                    scanner.add(ApiPolicy.hard(hostState ? Capability.ENVIRONMENT : Capability.FILES,
                            "reaches '" + where.shown() + "', outside the work dir"
                                    + (hostState ? ": the host's and the runner's state" : "")),
                            call.getLeaf(), owner.getQualifiedName() + " on '" + where.shown() + "'");
                    return;
                }
            }
        }
    }

    private Verdict verdictOfClass(String className) {
        return policy.type(typeNamed(className));
    }

    /** A class named in a string: as javac knows it, or as its name suggests when javac does not have it. */
    private TypeName typeNamed(String className) {
        TypeElement type = elements.getTypeElement(className.replace('$', '.'));
        return type != null ? TypeName.of(type, elements) : TypeName.guess(className);
    }

    private void reached(TreePath call, Verdict verdict, String api) {
        if (!verdict.allowed()) {
            scanner.add(verdict, call.getLeaf(), api + " (reached by name)");
        }
    }

    /** The classes a {@code Class} value may be: a class literal, a {@code forName}, a {@code getClass()}, a variable. */
    private List<TypeName> classes(TreePath expression, int depth) {
        if (depth > CLASS_TRACE_DEPTH) {
            return List.of();
        }
        Set<TypeName> found = new LinkedHashSet<>();
        TypeMirror type = trees.getTypeMirror(expression);
        if (type instanceof DeclaredType declared && declared.getTypeArguments().size() == 1) {
            TypeMirror argument = declared.getTypeArguments().get(0);
            if (argument instanceof WildcardType wildcard && wildcard.getExtendsBound() != null) {
                argument = wildcard.getExtendsBound();
            }
            if (argument.getKind() == TypeKind.DECLARED
                    && types.asElement(argument) instanceof TypeElement element
                    && !element.getQualifiedName().contentEquals("java.lang.Object")) {
                found.add(TypeName.of(element, elements));
            }
        }
        Tree leaf = expression.getLeaf();
        Element element = trees.getElement(expression);
        if (leaf instanceof MethodInvocationTree invocation && element instanceof ExecutableElement method
                && method.getEnclosingElement() instanceof TypeElement owner
                && CLASS_BY_NAME.contains(owner.getQualifiedName() + "." + method.getSimpleName())
                && !invocation.getArguments().isEmpty()) {
            known(child(expression, invocation.getArguments().get(0))).forEach(name -> found.add(typeNamed(name)));
        } else if (element instanceof VariableElement) {
            for (TreePath source : sources(element)) {
                found.addAll(classes(source, depth + 1));
            }
        }
        return List.copyOf(found);
    }

    /** The class a bean statement's target or a lookup's class argument stands for. */
    private List<TypeName> targetClasses(TreePath expression, String api) {
        if (api.startsWith("java.beans.")) {
            TypeMirror type = trees.getTypeMirror(expression);
            return type != null && types.asElement(types.erasure(type)) instanceof TypeElement element
                    && !element.getQualifiedName().contentEquals("java.lang.Object")
                            ? List.of(TypeName.of(element, elements)) : List.of();
        }
        return classes(expression, 0);
    }

    private List<TreePath> sources(Element variable) {
        return values.sources(variable);
    }

    /** The fully known values of an expression. */
    private List<String> known(TreePath expression) {
        return values.values(expression).stream().map(Text::value).flatMap(Optional::stream)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private boolean pathType(TypeMirror type) {
        return type != null && type.getKind() == TypeKind.DECLARED && PATH_TYPES.contains(
                types.erasure(type).toString());
    }

    private static boolean isString(TypeMirror type) {
        return type != null && type.toString().equals("java.lang.String");
    }

    private static TreePath child(TreePath parent, Tree tree) {
        return new TreePath(parent, tree);
    }
}
