package org.alignlab.k8scheck;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The repository holds no secret values: no Secret objects, no credential-like variable or ConfigMap key with a
 * literal value (each must be a reference to a Secret the operator creates), and the ticket-signing private key
 * reaches the monitor alone.
 */
public final class SecretCheck implements Check {

    private static final Pattern SENSITIVE = Pattern.compile(
            "PASSWORD|PASSWD|TOKEN|SECRET|PRIVATE|CREDENTIAL|JAAS|_KEY$|APIKEY|API_KEY|PUBLICKEY");
    static final String SIGNING_SECRET = "alignlab-ticket-signing";
    static final String PRIVATE_KEY = "private-key";
    static final String SIGNER = "monitor";

    @Override
    public List<Violation> check(Manifests manifests) {
        List<Violation> violations = new ArrayList<>();
        for (Secret secret : manifests.ofType(Secret.class)) {
            violations.add(new Violation(Manifests.describe(secret), "no secret values in the repository",
                    "a Secret object is rendered; reference a Secret created outside the repository instead"));
        }
        for (ConfigMap map : manifests.ofType(ConfigMap.class)) {
            if (map.getData() != null) {
                map.getData().keySet().stream().filter(SecretCheck::sensitive).forEach(key -> violations.add(
                        new Violation(Manifests.describe(map), "no secret values in the repository",
                                "key " + key + " looks like a credential; read it from a Secret by reference")));
            }
        }
        for (PodTemplates workload : PodTemplates.of(manifests)) {
            String owner = workload.owner().getMetadata().getName();
            for (Container container : workload.template().getSpec().getContainers()) {
                for (EnvVar env : container.getEnv()) {
                    String where = Manifests.describe(workload.owner()) + " container " + container.getName();
                    if (sensitive(env.getName()) && env.getValue() != null) {
                        violations.add(new Violation(where, "no secret values in the repository",
                                env.getName() + " has a literal value; use valueFrom.secretKeyRef"));
                    }
                    if (readsSigningKey(env) && !SIGNER.equals(owner)) {
                        violations.add(new Violation(where, "only the monitor holds the ticket-signing key",
                                env.getName() + " reads " + SIGNING_SECRET + "/" + PRIVATE_KEY));
                    }
                }
            }
        }
        return violations;
    }

    static boolean sensitive(String name) {
        return SENSITIVE.matcher(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')).find();
    }

    private static boolean readsSigningKey(EnvVar env) {
        return env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null
                && SIGNING_SECRET.equals(env.getValueFrom().getSecretKeyRef().getName())
                && PRIVATE_KEY.equals(env.getValueFrom().getSecretKeyRef().getKey());
    }
}
