package org.alignlab.k8scheck;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sandbox namespace is locked: Pod Security Admission enforces {@code restricted}, one NetworkPolicy selects
 * every pod and denies all ingress and egress, and no other policy re-opens anything (policies are additive), a
 * ResourceQuota and a LimitRange bound what Jobs may take, and nothing of ours runs there (only the executor's Jobs).
 */
public final class SandboxCheck implements Check {

    public static final String NAMESPACE = "alignlab-sandbox";

    @Override
    public List<Violation> check(Manifests manifests) {
        List<Violation> violations = new ArrayList<>();
        String object = "Namespace " + NAMESPACE;
        Namespace namespace = manifests.ofType(Namespace.class).stream()
                .filter(n -> NAMESPACE.equals(n.getMetadata().getName())).findFirst().orElse(null);
        if (namespace == null) {
            violations.add(new Violation(object, "a sandbox namespace", "not rendered"));
        } else {
            Map<String, String> labels = namespace.getMetadata().getLabels() == null ? Map.of()
                    : namespace.getMetadata().getLabels();
            if (!"restricted".equals(labels.get("pod-security.kubernetes.io/enforce"))) {
                violations.add(new Violation(object, "Pod Security Admission restricted",
                        "pod-security.kubernetes.io/enforce is " + labels.get("pod-security.kubernetes.io/enforce")));
            }
        }
        List<NetworkPolicy> policies = inSandbox(manifests.ofType(NetworkPolicy.class));
        boolean denyAll = policies.stream().anyMatch(SandboxCheck::deniesEverything);
        if (!denyAll) {
            violations.add(new Violation(object, "default-deny ingress and egress in the sandbox namespace",
                    "no NetworkPolicy with an empty podSelector, policyTypes [Ingress, Egress] and no rules"));
        }
        for (NetworkPolicy policy : policies) {
            if (!policy.getSpec().getIngress().isEmpty() || !policy.getSpec().getEgress().isEmpty()) {
                violations.add(new Violation(Manifests.describe(policy),
                        "default-deny ingress and egress in the sandbox namespace",
                        "it allows traffic; any allow rule re-opens the sandbox"));
            }
        }
        if (inSandbox(manifests.ofType(ResourceQuota.class)).isEmpty()) {
            violations.add(new Violation(object, "ResourceQuota and LimitRange in the sandbox", "no ResourceQuota"));
        }
        if (inSandbox(manifests.ofType(LimitRange.class)).isEmpty()) {
            violations.add(new Violation(object, "ResourceQuota and LimitRange in the sandbox", "no LimitRange"));
        }
        PodTemplates.of(manifests).stream().map(PodTemplates::owner)
                .filter(owner -> NAMESPACE.equals(owner.getMetadata().getNamespace()))
                .forEach(owner -> violations.add(new Violation(Manifests.describe(owner),
                        "only the executor's Jobs run in the sandbox", "a workload is deployed there")));
        return violations;
    }

    private static boolean deniesEverything(NetworkPolicy policy) {
        var spec = policy.getSpec();
        boolean allPods = spec.getPodSelector() == null || (spec.getPodSelector().getMatchLabels().isEmpty()
                && spec.getPodSelector().getMatchExpressions().isEmpty());
        return allPods && spec.getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                && spec.getIngress().isEmpty() && spec.getEgress().isEmpty();
    }

    private static <T extends HasMetadata> List<T> inSandbox(List<T> objects) {
        return objects.stream().filter(o -> NAMESPACE.equals(o.getMetadata().getNamespace())).toList();
    }
}
