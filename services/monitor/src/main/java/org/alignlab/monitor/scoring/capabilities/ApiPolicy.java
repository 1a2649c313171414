package org.alignlab.monitor.scoring.capabilities;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alignlab.contracts.events.RuleHit.Severity;

/**
 * The allow-list a script is judged against, with the capability every API outside it gives. Judged by owner: a
 * method, constructor or field by the type that declares it, a type by its name, package or enclosing package.
 *
 * <p>Lookup order for a type: its own entry; its top-level type's entry (a nested type goes with its enclosing one);
 * its package's; the nearest enclosing package tree's; otherwise {@link Capability#UNKNOWN_API}. For a member: its
 * owner's entry for that signature, then for that name, then the owner's default for members, then the owner's own
 * verdict; a member named in a package-wide rule ({@code now} anywhere in {@code java.time}) before that.
 *
 * <p>What is allowed: the script API ({@code Experiment}, {@code ScriptContext}, {@code Split}); {@code java.lang}'s
 * value types and utilities; {@code java.util} and its collections, {@code function}, {@code stream} (parallel streams
 * included: they run on the common pool and end before the call returns), {@code regex}, {@code random};
 * {@code java.util.concurrent}'s concurrent collections and atomics; {@code java.math}, {@code java.text},
 * {@code java.time} without its clocks; in-memory {@code java.io} streams; NIO buffers and charsets; and DJL's tensor,
 * layer and training API. The tables below say what each other API gives.
 */
final class ApiPolicy {

    /** What the policy says about one API: allowed, or the capability it gives, how serious, and why. */
    record Verdict(Capability capability, Severity severity, String why) {

        static final Verdict ALLOW = new Verdict(null, null, null);

        boolean allowed() {
            return capability == null;
        }

        boolean hard() {
            return severity == Severity.HARD;
        }
    }

    static final String NETWORK = "reaches the network, which the sandbox does not give experiments";
    static final String PROCESS = "starts or controls another process, which runs code no rule has read";
    static final String NATIVE = "reaches native code or the JDK's internals, outside every check the JVM makes";
    static final String REFLECTION = "reflection: calls or reads what the analysis cannot see";
    static final String DYNAMIC = "loads, compiles or calls code by name, which the analysis cannot see";
    static final String FILES = "touches files; a script gets its data through ScriptContext";
    static final String HOST = "reads the JVM's or the host's state";
    static final String JVM_WIDE = "changes JVM-wide state that outlives the seed: the runner and later seeds see it";
    static final String MANAGEMENT = "the JVM's management interface: its command line, properties, threads and host";
    static final String THREADS = "runs code on other threads, which can outlive the seed";
    static final String CLOCK = "reads the clock: the metrics depend on when the script runs";
    static final String UNSEEDED = "randomness not drawn from the seed: the same seed no longer gives the same metrics";
    static final String EXIT = "ends the JVM, or runs code when it ends, after the experiment";
    static final String UNKNOWN = "outside the script API's allow-list";

    private record TypeRule(Verdict type, Verdict otherMembers, Map<String, Verdict> members) {
    }

    private final Map<String, TypeRule> types = new HashMap<>();
    private final Map<String, Verdict> packages = new HashMap<>();
    private final Map<String, Verdict> packageTrees = new HashMap<>();
    private final Map<String, Verdict> packageMembers = new HashMap<>();

    private ApiPolicy() {
    }

    static Verdict hard(Capability capability, String why) {
        return new Verdict(capability, Severity.HARD, why);
    }

    static Verdict soft(Capability capability, String why) {
        return new Verdict(capability, Severity.SOFT, why);
    }

    /** The verdict on using type {@code type} (its name, in a declaration, cast, literal or as a value's type). */
    Verdict type(TypeName type) {
        TypeRule rule = rule(type);
        if (rule != null) {
            return rule.type();
        }
        Verdict byPackage = packages.get(type.packageName());
        if (byPackage != null) {
            return byPackage;
        }
        return tree(type.packageName()).orElse(soft(Capability.UNKNOWN_API, UNKNOWN));
    }

    /**
     * The verdict on using a member of {@code owner}, the type that declares it.
     *
     * @param name           the method or field name, {@code <init>} for a constructor
     * @param parameterTypes the erased parameter types of a method or constructor, empty for a field
     */
    Verdict member(TypeName owner, String name, List<String> parameterTypes) {
        TypeRule rule = rule(owner);
        if (rule != null) {
            Verdict exact = rule.members().get(name + "(" + String.join(",", parameterTypes) + ")");
            if (exact != null) {
                return exact;
            }
            Verdict byName = rule.members().get(name);
            if (byName != null) {
                return byName;
            }
        }
        Optional<Verdict> packageWide = packageMember(owner.packageName(), name);
        if (packageWide.isPresent()) {
            return packageWide.get();
        }
        if (rule != null && rule.otherMembers() != null) {
            return rule.otherMembers();
        }
        return type(owner);
    }

    /**
     * A dotted name that javac could not resolve (the script does not compile, or names a library the analysis does
     * not have, such as JNA): judged only when it lies in a package whose every use is HARD.
     */
    Optional<Verdict> unresolved(String dottedName) {
        String name = dottedName;
        while (!name.isEmpty()) {
            Verdict verdict = packageTrees.get(name);
            if (verdict != null) {
                return verdict.hard() ? Optional.of(verdict) : Optional.empty();
            }
            int dot = name.lastIndexOf('.');
            name = dot < 0 ? "" : name.substring(0, dot);
        }
        return Optional.empty();
    }

    private TypeRule rule(TypeName type) {
        TypeRule own = types.get(type.qualifiedName());
        return own != null ? own : types.get(type.topLevelName());
    }

    private Optional<Verdict> tree(String packageName) {
        String name = packageName;
        while (!name.isEmpty()) {
            Verdict verdict = packageTrees.get(name);
            if (verdict != null) {
                return Optional.of(verdict);
            }
            int dot = name.lastIndexOf('.');
            name = dot < 0 ? "" : name.substring(0, dot);
        }
        return Optional.empty();
    }

    private Optional<Verdict> packageMember(String packageName, String member) {
        String name = packageName;
        while (!name.isEmpty()) {
            Verdict verdict = packageMembers.get(name + "#" + member);
            if (verdict != null) {
                return Optional.of(verdict);
            }
            int dot = name.lastIndexOf('.');
            name = dot < 0 ? "" : name.substring(0, dot);
        }
        return Optional.empty();
    }

    /** The platform's policy; see the class comment and {@code docs/monitor-rules.md}. */
    static ApiPolicy standard() {
        return ApiPolicyTables.fill(new Builder()).policy;
    }

    /** Fills the tables; {@link ApiPolicyTables} holds the entries. */
    static final class Builder {

        private final ApiPolicy policy = new ApiPolicy();
        private String current;

        /** Starts the entry of {@code qualifiedName}; its members default to its own verdict. */
        Builder type(String qualifiedName, Verdict verdict) {
            current = qualifiedName;
            policy.types.put(qualifiedName, new TypeRule(verdict, null, new HashMap<>()));
            return this;
        }

        /** Types that share a verdict and have no member rules. */
        Builder types(Verdict verdict, String... qualifiedNames) {
            for (String name : qualifiedNames) {
                type(name, verdict);
            }
            return this;
        }

        /** What the current type's members not named with {@link #member} give. */
        Builder otherMembers(Verdict verdict) {
            TypeRule rule = policy.types.get(current);
            policy.types.put(current, new TypeRule(rule.type(), verdict, rule.members()));
            return this;
        }

        /**
         * A member of the current type: {@code name} for every overload, or {@code name(p1,p2)} with erased,
         * qualified parameter types for one ({@code <init>()} is the no-argument constructor).
         */
        Builder member(Verdict verdict, String... keys) {
            for (String key : keys) {
                policy.types.get(current).members().put(key, verdict);
            }
            return this;
        }

        /** Types of exactly this package (not its subpackages) that have no entry of their own. */
        Builder packageOnly(String packageName, Verdict verdict) {
            policy.packages.put(packageName, verdict);
            return this;
        }

        /** Types of this package and its subpackages, unless a nearer entry says otherwise. */
        Builder packageTree(String packageName, Verdict verdict) {
            policy.packageTrees.put(packageName, verdict);
            return this;
        }

        /** A member name anywhere in a package tree ({@code now} in {@code java.time}). */
        Builder packageMember(String packageName, String member, Verdict verdict) {
            policy.packageMembers.put(packageName + "#" + member, verdict);
            return this;
        }
    }
}
