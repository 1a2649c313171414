package org.alignlab.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;

/**
 * Makes a running broker's users and ACLs what the credentials and the KafkaUsers say: each user gets its
 * password (again, on every start, so a rotated password takes effect) and its KafkaUser's ACLs. Creating an
 * ACL that exists is a no-op, so this runs on every start.
 */
final class KafkaAuthorization {

    private static final int SCRAM_ITERATIONS = 4096;

    private KafkaAuthorization() {
    }

    static void grant(KafkaAccess admin, Passwords credentials, Map<String, List<AclBinding>> acls)
            throws InterruptedException {
        Map<String, Object> config = admin.clientProperties();
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin client = Admin.create(config)) {
            List<UserScramCredentialAlteration> users = new ArrayList<>();
            List<AclBinding> bindings = new ArrayList<>();
            for (Map.Entry<String, String> user : credentials.passwords().entrySet()) {
                if (user.getKey().equals(KafkaCredentials.ADMIN)) {
                    continue;
                }
                users.add(new UserScramCredentialUpsertion(user.getKey(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), user.getValue()));
                bindings.addAll(acls.getOrDefault(user.getKey(), List.of()));
            }
            if (!users.isEmpty()) {
                client.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
            }
            if (!bindings.isEmpty()) {
                client.createAcls(bindings).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the Kafka users and ACLs on "
                    + admin.bootstrapServers() + ": " + e.getMessage(), e);
        }
    }
}
