package org.alignlab.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import org.alignlab.infra.KafkaAccess;

/**
 * {@code alignlab.env}: how to reach a running local stack, as {@code KEY=value} lines a shell can source and
 * a test can read. The broker and database logins in it are the offline audit verifier's, which may only read
 * the audit log and its checkpoints: enough for {@code alignlab audit-verify}, not to change anything.
 *
 * @param auditVerifierKafka how the audit verifier reaches the broker ({@code KAFKA_*})
 * @param auditor            the database role that reads the audit log and nothing else
 * @param tokens             a bearer token per person role ({@code researcher}, ...), written as
 *                           {@code ALIGNLAB_TOKEN_<ROLE>}
 */
public record EnvFile(Map<Service, URI> urls, String jdbcUrl, KafkaAccess auditVerifierKafka,
        StackOptions.Database auditor, String monitorPublicKey, String executorPublicKey, Path runDir,
        Map<String, String> tokens) {

    /** The Kafka user of {@code alignlab audit-verify} (its KafkaUser in k8s/base/kafka/users.yaml). */
    public static final String AUDIT_VERIFIER = "audit-verifier";
    /** The database role of {@code alignlab audit-verify} (k8s/base/postgres/cluster.yaml). */
    public static final String AUDITOR = "auditor";

    public String render() {
        StringBuilder text = new StringBuilder("# AlignLab local stack; source this file to reach it.\n");
        for (Service service : Service.values()) {
            text.append(key(service)).append('=').append(urls.get(service)).append('\n');
        }
        text.append("ALIGNLAB_JDBC_URL=").append(jdbcUrl).append('\n');
        text.append("# The audit verifier's logins: read-only on the audit log and audit.checkpoints.\n");
        text.append("ALIGNLAB_AUDITOR_DB_USER=").append(auditor.user()).append('\n');
        text.append("ALIGNLAB_AUDITOR_DB_PASSWORD=").append(auditor.password()).append('\n');
        // Quoted: the JAAS line has spaces and semicolons, and a shell sources this file.
        auditVerifierKafka.environment()
                .forEach((key, value) -> text.append(key).append("='").append(value).append("'\n"));
        text.append("ALIGNLAB_MONITOR_PUBLIC_KEY=").append(monitorPublicKey).append('\n');
        text.append("ALIGNLAB_EXECUTOR_PUBLIC_KEY=").append(executorPublicKey).append('\n');
        text.append("ALIGNLAB_RUN_DIR=").append(runDir).append('\n');
        text.append("ALIGNLAB_AUDIT_WITNESS_DIR=").append(new RunDir(runDir).auditWitness()).append('\n');
        text.append("# Bearer tokens, one per role, valid for ").append(LocalTokens.PERSON_LIFETIME.toHours())
                .append(" h from `alignlab up`: curl -H \"Authorization: Bearer $ALIGNLAB_TOKEN_RESEARCHER\" ...\n");
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            text.append(tokenKey(token.getKey())).append('=').append(token.getValue()).append('\n');
        }
        return text.toString();
    }

    /** Written readable by its owner alone: the tokens in it are credentials. */
    public void write(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, render());
    }

    /** {@code ALIGNLAB_<SERVICE>_URL}. */
    public static String key(Service service) {
        return "ALIGNLAB_" + service.name() + "_URL";
    }

    /** {@code ALIGNLAB_TOKEN_<ROLE>}. */
    public static String tokenKey(String role) {
        return "ALIGNLAB_TOKEN_" + role.toUpperCase(Locale.ROOT);
    }
}
