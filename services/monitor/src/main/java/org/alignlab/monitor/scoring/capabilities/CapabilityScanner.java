package org.alignlab.monitor.scoring.capabilities;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.UnionType;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.alignlab.contracts.events.RuleHit.Severity;
import org.alignlab.monitor.scoring.capabilities.ApiPolicy.Verdict;

/**
 * Walks an attributed script and judges every name it uses, resolved by javac to what it really is: each method call,
 * constructor call, method reference and field access by the type that declares it; each type it names (in
 * declarations, {@code var}, casts, generics, annotations, {@code extends}, class literals, imports) and the type of
 * every value it computes, lambdas' target types included. Nested, local and anonymous classes are the script's own
 * and are walked like the rest. Calls that take a name or a path ({@link Sinks}) are judged by the values
 * {@link ValueTracer} finds for it. One finding per line and capability, HARD over SOFT.
 */
final class CapabilityScanner extends TreePathScanner<Void, Void> {

    private static final int TYPE_ARGUMENT_DEPTH = 3;

    private final Trees trees;
    private final Elements elements;
    private final Types types;
    private final CompilationUnitTree unit;
    private final ApiPolicy policy;
    private final Sinks sinks;
    private final ValueTracer tracer;
    private final Map<String, CapabilityFinding> findings = new LinkedHashMap<>();

    CapabilityScanner(JavacTask task, CompilationUnitTree unit, ApiPolicy policy) {
        this.trees = Trees.instance(task);
        this.elements = task.getElements();
        this.types = task.getTypes();
        this.unit = unit;
        this.policy = policy;
        this.tracer = new ValueTracer(trees, types, Assignments.of(trees, unit));
        this.sinks = new Sinks(this, trees, elements, types, policy, tracer);
    }

    /** What each reported metric depends on, read from the same attributed tree (see {@link MetricDependence}). */
    MetricDependence.Result metrics() {
        return new MetricDependence(trees, elements, types, unit, policy, tracer).analyse();
    }

    /** The findings, in line order. */
    List<CapabilityFinding> scan() {
        scan(unit, null);
        List<CapabilityFinding> sorted = new ArrayList<>(findings.values());
        sorted.sort(Comparator.comparingLong(CapabilityFinding::line));
        return sorted;
    }

    @Override
    public Void visitImport(ImportTree tree, Void unused) {
        Tree name = tree.getQualifiedIdentifier();
        TreePath path = new TreePath(getCurrentPath(), name);
        if (tree.isStatic() && name instanceof MemberSelectTree select) {
            Element owner = trees.getElement(new TreePath(path, select.getExpression()));
            String member = select.getIdentifier().toString();
            if (owner instanceof TypeElement type && !member.equals("*")) {
                judgeImport(policy.member(TypeName.of(type, elements), member, List.of()), tree,
                        type.getQualifiedName() + "." + member + " (static import)");
            } else if (owner == null) {
                unresolved(tree, select.getExpression().toString());
            }
        } else {
            Element imported = trees.getElement(path);
            if (imported instanceof TypeElement type && !script(type)) {
                judgeImport(policy.type(TypeName.of(type, elements)), tree, type.getQualifiedName() + " (import)");
            } else if (imported == null) {
                unresolved(tree, name.toString());
            }
        }
        // Not scanned further: the import's names are judged above, once.
        return null;
    }

    /**
     * An import uses nothing by itself: what the script does with the name is judged where it does it. A HARD
     * verdict is still reported, as an unused import of a network or process API says what the script is after.
     */
    private void judgeImport(Verdict verdict, Tree tree, String api) {
        if (!verdict.allowed() && verdict.hard()) {
            add(verdict, tree, api);
        }
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
        if (tree.getModifiers().getFlags().contains(Modifier.NATIVE)) {
            add(ApiPolicy.hard(Capability.NATIVE, "declares a JNI method, implemented in native code"), tree,
                    "native " + tree.getName());
        }
        if (tree.getName().contentEquals("finalize") && tree.getParameters().isEmpty()) {
            add(ApiPolicy.soft(Capability.THREADS, "a finalizer runs on the JVM's finalizer thread, after the seed"),
                    tree, "finalize()");
        }
        return super.visitMethod(tree, unused);
    }

    @Override
    public Void visitVariable(VariableTree tree, Void unused) {
        Element variable = trees.getElement(getCurrentPath());
        if (variable != null) {
            judgeType(variable.asType(), tree, 0);
        }
        return super.visitVariable(tree, unused);
    }

    @Override
    public Void visitIdentifier(IdentifierTree tree, Void unused) {
        judgeName(trees.getElement(getCurrentPath()), tree);
        judgeType(trees.getTypeMirror(getCurrentPath()), tree, 0);
        return super.visitIdentifier(tree, unused);
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
        Element element = trees.getElement(getCurrentPath());
        if (element == null || element.asType().getKind() == TypeKind.ERROR) {
            unresolved(tree, tree.toString());
        }
        judgeName(element, tree);
        judgeType(trees.getTypeMirror(getCurrentPath()), tree, 0);
        return super.visitMemberSelect(tree, unused);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        if (trees.getElement(getCurrentPath()) instanceof ExecutableElement method) {
            ExpressionTree receiver = tree.getMethodSelect() instanceof MemberSelectTree select
                    ? select.getExpression() : null;
            TypeElement owner = owner(method, receiver);
            if (!script(owner)) {
                Verdict verdict = policy.member(TypeName.of(owner, elements), method.getSimpleName().toString(),
                        parameters(method));
                judge(verdict, tree, owner.getQualifiedName() + "." + method.getSimpleName());
                sinks.call(getCurrentPath(), owner, method, verdict, tree.getArguments(), receiver);
            }
        }
        judgeType(trees.getTypeMirror(getCurrentPath()), tree, 0);
        return super.visitMethodInvocation(tree, unused);
    }

    @Override
    public Void visitNewClass(NewClassTree tree, Void unused) {
        if (trees.getElement(getCurrentPath()) instanceof ExecutableElement constructor) {
            TypeElement owner = (TypeElement) constructor.getEnclosingElement();
            if (owner.getNestingKind() == NestingKind.ANONYMOUS
                    && types.asElement(owner.getSuperclass()) instanceof TypeElement superclass) {
                // new Thread() { ... }: the anonymous class's constructor calls its superclass's.
                owner = superclass;
            }
            if (!script(owner)) {
                Verdict verdict = policy.member(TypeName.of(owner, elements), "<init>", parameters(constructor));
                judge(verdict, tree, "new " + owner.getQualifiedName());
                sinks.call(getCurrentPath(), owner, constructor, verdict, tree.getArguments(), null);
            }
        }
        judgeType(trees.getTypeMirror(getCurrentPath()), tree, 0);
        return super.visitNewClass(tree, unused);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
        if (trees.getElement(getCurrentPath()) instanceof ExecutableElement method) {
            TypeElement owner = owner(method, tree.getQualifierExpression());
            if (!script(owner)) {
                String name = method.getKind() == ElementKind.CONSTRUCTOR ? "<init>" : method.getSimpleName()
                        .toString();
                judge(policy.member(TypeName.of(owner, elements), name, parameters(method)), tree,
                        owner.getQualifiedName() + "::" + (name.equals("<init>") ? "new" : name)
                                + " (method reference)");
            }
        }
        judgeType(trees.getTypeMirror(getCurrentPath()), tree, 0);
        return super.visitMemberReference(tree, unused);
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        judgeType(trees.getTypeMirror(getCurrentPath()), tree, 0);
        return super.visitLambdaExpression(tree, unused);
    }

    /** A type, or a field of a type outside the script, named in the source. */
    private void judgeName(Element element, Tree tree) {
        if (element instanceof TypeElement type) {
            judgeType(type, tree);
        } else if (element != null && (element.getKind() == ElementKind.FIELD
                || element.getKind() == ElementKind.ENUM_CONSTANT)
                && element.getEnclosingElement() instanceof TypeElement owner && !script(owner)) {
            judge(policy.member(TypeName.of(owner, elements), element.getSimpleName().toString(), List.of()), tree,
                    owner.getQualifiedName() + "." + element.getSimpleName());
        }
    }

    private void judgeType(TypeElement type, Tree tree) {
        // A name javac could not resolve stands for an error type: nothing is known of it but its spelling.
        if (!script(type) && type.asType().getKind() != TypeKind.ERROR) {
            judge(policy.type(TypeName.of(type, elements)), tree, type.getQualifiedName().toString());
        }
    }

    /** A value's or a declaration's type, its type arguments, array components and bounds included. */
    private void judgeType(TypeMirror type, Tree tree, int depth) {
        if (type == null || depth > TYPE_ARGUMENT_DEPTH) {
            return;
        }
        switch (type.getKind()) {
            case DECLARED -> {
                if (((DeclaredType) type).asElement() instanceof TypeElement element) {
                    judgeType(element, tree);
                }
                ((DeclaredType) type).getTypeArguments().forEach(argument -> judgeType(argument, tree, depth + 1));
            }
            case ARRAY -> judgeType(((ArrayType) type).getComponentType(), tree, depth + 1);
            case WILDCARD -> {
                judgeType(((WildcardType) type).getExtendsBound(), tree, depth + 1);
                judgeType(((WildcardType) type).getSuperBound(), tree, depth + 1);
            }
            case INTERSECTION -> ((IntersectionType) type).getBounds().forEach(b -> judgeType(b, tree, depth + 1));
            case UNION -> ((UnionType) type).getAlternatives().forEach(a -> judgeType(a, tree, depth + 1));
            default -> {
            }
        }
    }

    /**
     * The type a member is judged by: the one that declares it, unless that type is not public (StringBuilder's
     * {@code length} is declared in the package-private AbstractStringBuilder): then the receiver's type.
     */
    private TypeElement owner(ExecutableElement member, ExpressionTree receiver) {
        TypeElement declaring = (TypeElement) member.getEnclosingElement();
        if (declaring.getModifiers().contains(Modifier.PUBLIC) || receiver == null) {
            return declaring;
        }
        TypeMirror receiverType = trees.getTypeMirror(new TreePath(getCurrentPath(), receiver));
        return receiverType != null && types.asElement(types.erasure(receiverType)) instanceof TypeElement type
                ? type : declaring;
    }

    private List<String> parameters(ExecutableElement method) {
        return method.getParameters().stream().map(p -> types.erasure(p.asType()).toString()).toList();
    }

    /**
     * A type the script declares (top-level, nested, local or anonymous), whose code is walked rather than judged by
     * name; or javac's stand-in for arrays, which owns {@code length} and {@code clone()}.
     */
    boolean script(TypeElement type) {
        return trees.getTree(type) != null || type.getQualifiedName().contentEquals("Array");
    }

    private void unresolved(Tree tree, String dottedName) {
        policy.unresolved(dottedName).ifPresent(verdict -> add(verdict, tree, dottedName + " (unresolved)"));
    }

    private void judge(Verdict verdict, Tree tree, String api) {
        if (!verdict.allowed()) {
            add(verdict, tree, api);
        }
    }

    /** Records a finding; one per line and capability, a HARD one replacing a SOFT one. */
    void add(Verdict verdict, Tree tree, String api) {
        long line = line(tree);
        String key = line + " " + verdict.capability();
        CapabilityFinding existing = findings.get(key);
        if (existing == null || !existing.hard() && verdict.severity() == Severity.HARD) {
            findings.put(key, new CapabilityFinding(verdict.capability(), verdict.severity(), line, api,
                    verdict.why()));
        }
    }

    long line(Tree tree) {
        long position = trees.getSourcePositions().getStartPosition(unit, tree);
        return position < 0 ? 0 : unit.getLineMap().getLineNumber(position);
    }
}
