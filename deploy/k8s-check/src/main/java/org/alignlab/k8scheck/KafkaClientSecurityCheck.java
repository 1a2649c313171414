package org.alignlab.k8scheck;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every pod that talks to Kafka (labelled {@code alignlab.org/kafka-client: "true"}, the label the listener admits)
 * is configured for the listener it connects to, through the {@code KAFKA_*} variables that both its SmallRye
 * channels and its plain clients read: {@code KAFKA_SECURITY_PROTOCOL} as the listener wants it (TLS and SCRAM:
 * {@code SASL_SSL}), {@code KAFKA_SASL_MECHANISM} {@code SCRAM-SHA-512}, {@code KAFKA_SASL_JAAS_CONFIG} from the
 * Secret of its own KafkaUser, and a truststore path under a volume holding Strimzi's cluster CA. A client missing
 * any of them speaks PLAINTEXT (or nothing) to a TLS listener and hangs until its timeout.
 */
public final class KafkaClientSecurityCheck implements Check {

    static final String INVARIANT = "every Kafka client authenticates as the listener requires";
    static final String CLIENT_LABEL = "alignlab.org/kafka-client";

    @Override
    public List<Violation> check(Manifests manifests) {
        List<Violation> violations = new ArrayList<>();
        for (PodTemplates workload : PodTemplates.of(manifests)) {
            Map<String, String> labels = workload.template().getMetadata() == null ? null
                    : workload.template().getMetadata().getLabels();
            if (labels == null || !"true".equals(labels.get(CLIENT_LABEL))) {
                continue;
            }
            String owner = workload.owner().getMetadata().getName();
            for (Container container : workload.template().getSpec().getContainers()) {
                String where = Manifests.describe(workload.owner()) + " container " + container.getName();
                checkContainer(where, owner, container, workload.template().getSpec().getVolumes(), manifests,
                        violations);
            }
        }
        return violations;
    }

    private static void checkContainer(String where, String owner, Container container, List<Volume> volumes,
            Manifests manifests, List<Violation> violations) {
        Map<String, EnvVar> env = environment(container, manifests);
        String bootstrap = value(env, "KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap == null) {
            violations.add(new Violation(where, INVARIANT, "no KAFKA_BOOTSTRAP_SERVERS"));
            return;
        }
        Optional<Map<String, Object>> listener = listener(manifests, bootstrap);
        if (listener.isEmpty()) {
            violations.add(new Violation(where, INVARIANT, "KAFKA_BOOTSTRAP_SERVERS " + bootstrap
                    + " names no listener of a rendered Kafka"));
            return;
        }
        boolean tls = Boolean.TRUE.equals(listener.get().get("tls"));
        Object authentication = listener.get().get("authentication") instanceof Map<?, ?> m ? m.get("type") : null;
        boolean scram = "scram-sha-512".equals(authentication);
        String protocol = (scram ? "SASL_" : "") + (tls ? "SSL" : "PLAINTEXT");
        expect(where, env, "KAFKA_SECURITY_PROTOCOL", protocol, violations);
        if (scram) {
            expect(where, env, "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512", violations);
            SecretKeySelector jaas = env.containsKey("KAFKA_SASL_JAAS_CONFIG")
                    && env.get("KAFKA_SASL_JAAS_CONFIG").getValueFrom() != null
                            ? env.get("KAFKA_SASL_JAAS_CONFIG").getValueFrom().getSecretKeyRef() : null;
            if (jaas == null || !owner.equals(jaas.getName()) || !"sasl.jaas.config".equals(jaas.getKey())) {
                violations.add(new Violation(where, INVARIANT, "KAFKA_SASL_JAAS_CONFIG must come from Secret "
                        + owner + " key sasl.jaas.config, which Strimzi writes for KafkaUser " + owner));
            } else if (manifests.custom("KafkaUser").stream().noneMatch(u -> owner.equals(u.getMetadata().getName()))) {
                violations.add(new Violation(where, INVARIANT, "no KafkaUser " + owner + " is rendered, so Secret "
                        + owner + " never exists"));
            }
        }
        if (tls) {
            checkTruststore(where, env, container, volumes, clusterName(manifests, bootstrap), violations);
        }
    }

    private static void checkTruststore(String where, Map<String, EnvVar> env, Container container,
            List<Volume> volumes, String cluster, List<Violation> violations) {
        String location = value(env, "KAFKA_SSL_TRUSTSTORE_LOCATION");
        String caSecret = cluster + "-cluster-ca-cert";
        Optional<VolumeMount> mount = location == null ? Optional.empty() : container.getVolumeMounts().stream()
                .filter(m -> location.startsWith(m.getMountPath().endsWith("/") ? m.getMountPath()
                        : m.getMountPath() + "/"))
                .findFirst();
        boolean fromCa = mount.isPresent() && volumes.stream().anyMatch(v -> v.getName().equals(mount.get().getName())
                && v.getSecret() != null && caSecret.equals(v.getSecret().getSecretName()));
        if (!fromCa) {
            violations.add(new Violation(where, INVARIANT, "KAFKA_SSL_TRUSTSTORE_LOCATION (" + location
                    + ") must lie in a volume of Secret " + caSecret + ", or the brokers' certificates cannot be "
                    + "verified"));
        }
    }

    private static void expect(String where, Map<String, EnvVar> env, String name, String expected,
            List<Violation> violations) {
        String actual = value(env, name);
        if (!expected.equals(actual)) {
            violations.add(new Violation(where, INVARIANT, name + " is " + actual + ", the listener needs "
                    + expected));
        }
    }

    /** The container's variables as the kubelet sets them: envFrom ConfigMaps first, then env over them. */
    private static Map<String, EnvVar> environment(Container container, Manifests manifests) {
        Map<String, EnvVar> env = new LinkedHashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() == null) {
                continue;
            }
            manifests.ofType(ConfigMap.class).stream()
                    .filter(map -> from.getConfigMapRef().getName().equals(map.getMetadata().getName()))
                    .findFirst().ifPresent(map -> (map.getData() == null ? Map.<String, String>of() : map.getData())
                            .forEach((key, value) -> env.put(key, new EnvVar(key, value, null))));
        }
        container.getEnv().forEach(variable -> env.put(variable.getName(), variable));
        return env;
    }

    private static String value(Map<String, EnvVar> env, String name) {
        return env.containsKey(name) ? env.get(name).getValue() : null;
    }

    /** The listener whose bootstrap Service and port KAFKA_BOOTSTRAP_SERVERS names. */
    private static Optional<Map<String, Object>> listener(Manifests manifests, String bootstrap) {
        String first = bootstrap.split(",")[0].strip();
        int colon = first.lastIndexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String host = first.substring(0, colon);
        int port = Integer.parseInt(first.substring(colon + 1));
        for (GenericKubernetesResource kafka : manifests.custom("Kafka")) {
            if (!host.startsWith(kafka.getMetadata().getName() + "-kafka-bootstrap")) {
                continue;
            }
            for (Map<String, Object> listener : Manifests.listOfMaps(Manifests.path(kafka, "spec", "kafka",
                    "listeners"))) {
                if (listener.get("port") instanceof Number n && n.intValue() == port) {
                    return Optional.of(listener);
                }
            }
        }
        return Optional.empty();
    }

    private static String clusterName(Manifests manifests, String bootstrap) {
        return manifests.custom("Kafka").stream().map(k -> k.getMetadata().getName())
                .filter(name -> bootstrap.startsWith(name + "-kafka-bootstrap")).findFirst().orElse("?");
    }
}
