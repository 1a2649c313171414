package org.alignlab.k8scheck;

import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The executor's rights are exactly what its Kubernetes Job sandbox calls (KubernetesJobSandbox): in the sandbox
 * namespace, create/get/delete Jobs, list and watch pods (fabric8 watches the pod before it streams its log), get pod
 * logs, list events (why a Job's pod was refused), get that namespace; nowhere else anything at all. A grant it
 * lacks is as wrong as one too many: the call fails with 403 on a real cluster.
 */
public final class ExecutorRoleCheck implements Check {

    static final String EXECUTOR_ACCOUNT = "executor";
    static final String EXECUTOR_NAMESPACE = "alignlab";
    private static final String INVARIANT = "the executor's Role is limited to its sandbox Jobs";

    /** group/resource/verb[/resourceName] grants the executor holds in the sandbox namespace, no more, no fewer. */
    static final Set<String> ALLOWED = Set.of(
            "/namespaces/get/" + SandboxCheck.NAMESPACE,
            "batch/jobs/create", "batch/jobs/get", "batch/jobs/delete",
            "/pods/list", "/pods/watch",
            "/pods/log/get",
            "/events/list");

    @Override
    public List<Violation> check(Manifests manifests) {
        List<Violation> violations = new ArrayList<>();
        for (ClusterRoleBinding binding : manifests.ofType(ClusterRoleBinding.class)) {
            if (bindsExecutor(binding.getSubjects())) {
                violations.add(new Violation(Manifests.describe(binding), INVARIANT,
                        "binds the executor cluster-wide"));
            }
        }
        boolean bound = false;
        for (RoleBinding binding : manifests.ofType(RoleBinding.class)) {
            if (!bindsExecutor(binding.getSubjects())) {
                continue;
            }
            String object = Manifests.describe(binding);
            if (!SandboxCheck.NAMESPACE.equals(binding.getMetadata().getNamespace())) {
                violations.add(new Violation(object, INVARIANT,
                        "binds the executor outside " + SandboxCheck.NAMESPACE));
                continue;
            }
            if (!"Role".equals(binding.getRoleRef().getKind())) {
                violations.add(new Violation(object, INVARIANT, "refers to a " + binding.getRoleRef().getKind()
                        + ", whose rules are not reviewed here"));
                continue;
            }
            Optional<Role> role = manifests.ofType(Role.class).stream()
                    .filter(r -> binding.getMetadata().getNamespace().equals(r.getMetadata().getNamespace()))
                    .filter(r -> binding.getRoleRef().getName().equals(r.getMetadata().getName())).findFirst();
            if (role.isEmpty()) {
                violations.add(new Violation(object, INVARIANT, "its Role " + binding.getRoleRef().getName()
                        + " is not rendered"));
                continue;
            }
            bound = true;
            violations.addAll(checkRules(role.get()));
        }
        if (!bound) {
            violations.add(new Violation("ServiceAccount " + EXECUTOR_NAMESPACE + "/" + EXECUTOR_ACCOUNT, INVARIANT,
                    "no RoleBinding gives it the sandbox Role: it could not start a Job"));
        }
        return violations;
    }

    private static List<Violation> checkRules(Role role) {
        List<Violation> violations = new ArrayList<>();
        Set<String> granted = new TreeSet<>();
        for (PolicyRule rule : role.getRules()) {
            if (!rule.getNonResourceURLs().isEmpty()) {
                violations.add(new Violation(Manifests.describe(role), INVARIANT, "non-resource URLs granted"));
            }
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    for (String verb : rule.getVerbs()) {
                        for (String grant : grants(group, resource, verb, rule.getResourceNames())) {
                            granted.add(grant);
                            if (!ALLOWED.contains(grant)) {
                                violations.add(new Violation(Manifests.describe(role), INVARIANT,
                                        "grants " + grant + ", beyond " + ALLOWED));
                            }
                        }
                    }
                }
            }
        }
        ALLOWED.stream().filter(grant -> !granted.contains(grant)).sorted().forEach(grant -> violations.add(
                new Violation(Manifests.describe(role), INVARIANT, "lacks " + grant
                        + ", which the Job sandbox calls: on a cluster that call fails with 403")));
        return violations;
    }

    private static List<String> grants(String group, String resource, String verb, List<String> names) {
        String grant = group + "/" + resource + "/" + verb;
        if (names.isEmpty()) {
            return List.of(grant);
        }
        return names.stream().map(name -> grant + "/" + name).toList();
    }

    private static boolean bindsExecutor(List<Subject> subjects) {
        return subjects.stream().anyMatch(s -> "ServiceAccount".equals(s.getKind())
                && EXECUTOR_ACCOUNT.equals(s.getName()) && EXECUTOR_NAMESPACE.equals(s.getNamespace()));
    }
}
