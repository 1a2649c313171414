package org.alignlab.k8scheck;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every pod AlignLab runs is locked down and sized: liveness and readiness probes (the services' on Quarkus'
 * {@code /q/health/live} and {@code /q/health/ready}), CPU and memory requests and limits, non-root, no privilege
 * escalation, a read-only root file system, every capability dropped, seccomp RuntimeDefault, and no
 * service-account token unless the pod calls the Kubernetes API.
 */
public final class WorkloadCheck implements Check {

    /** The AlignLab services, each a Deployment of that name (docs/service-conventions.md). */
    public static final Set<String> SERVICES = Set.of("orchestrator", "ideation", "monitor", "executor", "review",
            "inference");
    /** The only pod that talks to the API server: it starts the sandbox Jobs. */
    static final String API_CLIENT = "executor";

    @Override
    public List<Violation> check(Manifests manifests) {
        List<Violation> violations = new ArrayList<>();
        for (PodTemplates workload : PodTemplates.of(manifests)) {
            String object = Manifests.describe(workload.owner());
            boolean service = SERVICES.contains(workload.owner().getMetadata().getName());
            PodSpec pod = workload.template().getSpec();
            checkPod(object, pod, workload.owner().getMetadata().getName(), violations);
            for (Container container : pod.getContainers()) {
                String where = object + " container " + container.getName();
                checkProbes(where, container, service, violations);
                checkResources(where, container, violations);
                checkSecurity(where, container, pod.getSecurityContext(), violations);
            }
            for (Container init : pod.getInitContainers()) {
                String where = object + " init container " + init.getName();
                checkResources(where, init, violations);
                checkSecurity(where, init, pod.getSecurityContext(), violations);
            }
        }
        return violations;
    }

    private static void checkPod(String object, PodSpec pod, String name, List<Violation> violations) {
        PodSecurityContext context = pod.getSecurityContext();
        if (context == null || !Boolean.TRUE.equals(context.getRunAsNonRoot())) {
            violations.add(new Violation(object, "pods run as non-root",
                    "pod securityContext.runAsNonRoot is not true"));
        }
        boolean tokenMounted = !Boolean.FALSE.equals(pod.getAutomountServiceAccountToken());
        if (tokenMounted && !API_CLIENT.equals(name)) {
            violations.add(new Violation(object, "no service-account token unless the pod calls the API server",
                    "automountServiceAccountToken is not false"));
        }
        if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                || Boolean.TRUE.equals(pod.getHostIPC())) {
            violations.add(new Violation(object, "no host namespaces", "hostNetwork, hostPID or hostIPC is set"));
        }
    }

    private static void checkProbes(String where, Container container, boolean service, List<Violation> violations) {
        Probe liveness = container.getLivenessProbe();
        Probe readiness = container.getReadinessProbe();
        if (liveness == null || readiness == null) {
            violations.add(new Violation(where, "liveness and readiness probes",
                    (liveness == null ? "no livenessProbe " : "") + (readiness == null ? "no readinessProbe" : "")));
            return;
        }
        if (service) {
            expectPath(where, "livenessProbe", liveness, "/q/health/live", violations);
            expectPath(where, "readinessProbe", readiness, "/q/health/ready", violations);
        }
    }

    private static void expectPath(String where, String probe, Probe actual, String path, List<Violation> violations) {
        HTTPGetAction get = actual.getHttpGet();
        if (get == null || !path.equals(get.getPath())) {
            violations.add(new Violation(where, "services are probed on Quarkus health endpoints",
                    probe + " must GET " + path + ", not " + (get == null ? "a non-HTTP probe" : get.getPath())));
        }
    }

    private static void checkResources(String where, Container container, List<Violation> violations) {
        Map<String, Quantity> requests = container.getResources() == null ? null
                : container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources() == null ? null : container.getResources().getLimits();
        for (String resource : List.of("cpu", "memory")) {
            if (requests == null || !requests.containsKey(resource)) {
                violations.add(new Violation(where, "requests and limits", "no " + resource + " request"));
            }
            if (limits == null || !limits.containsKey(resource)) {
                violations.add(new Violation(where, "requests and limits", "no " + resource + " limit"));
            }
        }
    }

    private static void checkSecurity(String where, Container container, PodSecurityContext pod,
            List<Violation> violations) {
        SecurityContext context = container.getSecurityContext();
        String invariant = "locked-down container security context";
        if (context == null) {
            violations.add(new Violation(where, invariant, "no securityContext"));
            return;
        }
        if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
            violations.add(new Violation(where, invariant, "allowPrivilegeEscalation is not false"));
        }
        if (Boolean.TRUE.equals(context.getPrivileged())) {
            violations.add(new Violation(where, invariant, "privileged"));
        }
        if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
            violations.add(new Violation(where, invariant, "readOnlyRootFilesystem is not true"));
        }
        if (context.getCapabilities() == null || !context.getCapabilities().getDrop().contains("ALL")
                || !context.getCapabilities().getAdd().isEmpty()) {
            violations.add(new Violation(where, invariant, "capabilities must drop ALL and add none"));
        }
        if (context.getRunAsUser() != null && context.getRunAsUser() == 0) {
            violations.add(new Violation(where, invariant, "runAsUser 0"));
        }
        String seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile().getType()
                : pod != null && pod.getSeccompProfile() != null ? pod.getSeccompProfile().getType() : null;
        if (!"RuntimeDefault".equals(seccomp)) {
            violations.add(new Violation(where, invariant, "seccomp profile is " + seccomp + ", not RuntimeDefault"));
        }
    }
}
