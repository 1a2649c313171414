package org.alignlab.k8scheck;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeItem;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox namespace's ResourceQuota admits every Job the executors may run at once, so no Job is accepted and
 * then left without a pod: the most executor pods there can be (their HPA's maxReplicas, else the Deployment's
 * replicas) times the Jobs each runs at once ({@code ALIGNLAB_EXECUTOR_MAX_CONCURRENT_SANDBOXES}) fits its
 * {@code pods} and {@code count/jobs.batch}; and the largest pod the LimitRange allows fits its CPU and memory, or a
 * ticket within the limits could never run at all. (A quota is enforced only when the Job controller creates the
 * pod; the executor reports a refused pod as not started, see KubernetesJobSandbox.)
 */
public final class SandboxCapacityCheck implements Check {

    static final String INVARIANT = "the sandbox quota admits every Job the executors may run at once";
    static final String CONCURRENCY_KEY = "ALIGNLAB_EXECUTOR_MAX_CONCURRENT_SANDBOXES";
    /** ExecutorConfig.maxConcurrentSandboxes' default, used where no configuration sets it. */
    static final int DEFAULT_CONCURRENCY = 2;

    @Override
    public List<Violation> check(Manifests manifests) {
        List<Violation> violations = new ArrayList<>();
        Optional<Deployment> executor = manifests.ofType(Deployment.class).stream()
                .filter(d -> WorkloadCheck.API_CLIENT.equals(d.getMetadata().getName())).findFirst();
        Optional<ResourceQuota> quota = manifests.ofType(ResourceQuota.class).stream()
                .filter(q -> SandboxCheck.NAMESPACE.equals(q.getMetadata().getNamespace())).findFirst();
        if (executor.isEmpty() || quota.isEmpty()) {
            return violations; // WorkloadCheck and SandboxCheck name what is missing
        }
        Map<String, Quantity> hard = quota.get().getSpec().getHard();
        String object = Manifests.describe(quota.get());
        Ceiling executors = executors(manifests, executor.get());
        int concurrency = concurrency(manifests);
        long jobs = (long) executors.replicas() * concurrency;
        String why = "up to " + executors.replicas() + " executors (" + executors.source() + ") x " + concurrency
                + " Jobs each (" + CONCURRENCY_KEY + ") = " + jobs;
        for (String resource : List.of("pods", "count/jobs.batch")) {
            Quantity limit = hard.get(resource);
            if (limit != null && limit.getNumericalAmount().compareTo(BigDecimal.valueOf(jobs)) < 0) {
                violations.add(new Violation(object, INVARIANT, why + ", but hard " + resource + " is "
                        + limit.getAmount() + ": the rest are accepted as Jobs and never get a pod"));
            }
        }
        for (LimitRange range : manifests.ofType(LimitRange.class)) {
            if (SandboxCheck.NAMESPACE.equals(range.getMetadata().getNamespace())) {
                largestPodFits(object, range, hard, violations);
            }
        }
        return violations;
    }

    private record Ceiling(int replicas, String source) {
    }

    private static Ceiling executors(Manifests manifests, Deployment executor) {
        return manifests.ofType(HorizontalPodAutoscaler.class).stream()
                .filter(h -> executor.getMetadata().getName().equals(h.getSpec().getScaleTargetRef().getName()))
                .findFirst()
                .map(h -> new Ceiling(h.getSpec().getMaxReplicas(), "HPA " + h.getMetadata().getName()
                        + " maxReplicas"))
                .orElseGet(() -> executor.getSpec().getReplicas() == null ? new Ceiling(1, "Deployment default")
                        : new Ceiling(executor.getSpec().getReplicas(), "Deployment replicas"));
    }

    private static int concurrency(Manifests manifests) {
        return manifests.ofType(ConfigMap.class).stream()
                .filter(map -> "executor-config".equals(map.getMetadata().getName()))
                .map(map -> map.getData() == null ? null : map.getData().get(CONCURRENCY_KEY))
                .filter(value -> value != null)
                .map(Integer::parseInt).findFirst().orElse(DEFAULT_CONCURRENCY);
    }

    private static void largestPodFits(String object, LimitRange range, Map<String, Quantity> hard,
            List<Violation> violations) {
        for (LimitRangeItem item : range.getSpec().getLimits()) {
            if (!"Pod".equals(item.getType()) || item.getMax() == null) {
                continue;
            }
            item.getMax().forEach((resource, max) -> {
                for (String scope : List.of("requests.", "limits.")) {
                    Quantity limit = hard.get(scope + resource);
                    if (limit != null && limit.getNumericalAmount().compareTo(max.getNumericalAmount()) < 0) {
                        violations.add(new Violation(object, INVARIANT, "the LimitRange allows a pod " + resource
                                + " of " + max + ", more than hard " + scope + resource + " " + limit
                                + ": such a ticket could never run"));
                    }
                }
            });
        }
    }
}
