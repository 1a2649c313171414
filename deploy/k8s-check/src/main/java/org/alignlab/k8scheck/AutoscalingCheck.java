package org.alignlab.k8scheck;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every HorizontalPodAutoscaler scales a rendered Deployment of its namespace, and that Deployment sets no
 * {@code spec.replicas}: the autoscaler owns the field, so an applied manifest that also sets it conflicts with the
 * autoscaler on the next server-side apply (or, applied with --force-conflicts, undoes its scaling).
 */
public final class AutoscalingCheck implements Check {

    static final String INVARIANT = "an autoscaled Deployment leaves replicas to its HPA";

    @Override
    public List<Violation> check(Manifests manifests) {
        List<Violation> violations = new ArrayList<>();
        for (HorizontalPodAutoscaler hpa : manifests.ofType(HorizontalPodAutoscaler.class)) {
            CrossVersionObjectReference target = hpa.getSpec().getScaleTargetRef();
            if (!"Deployment".equals(target.getKind())) {
                violations.add(new Violation(Manifests.describe(hpa), INVARIANT, "scales a " + target.getKind()
                        + ", which this check does not know"));
                continue;
            }
            Optional<Deployment> deployment = manifests.ofType(Deployment.class).stream()
                    .filter(d -> target.getName().equals(d.getMetadata().getName()))
                    .filter(d -> hpa.getMetadata().getNamespace().equals(d.getMetadata().getNamespace()))
                    .findFirst();
            if (deployment.isEmpty()) {
                violations.add(new Violation(Manifests.describe(hpa), INVARIANT, "scales Deployment "
                        + target.getName() + ", which is not rendered"));
            } else if (deployment.get().getSpec().getReplicas() != null) {
                violations.add(new Violation(Manifests.describe(deployment.get()), INVARIANT, "sets replicas "
                        + deployment.get().getSpec().getReplicas() + " while HorizontalPodAutoscaler "
                        + hpa.getMetadata().getName() + " scales it: remove spec.replicas"));
            }
        }
        return violations;
    }
}
