package org.alignlab.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;

/**
 * {@code alignlab.env}: how to reach a running local stack, as {@code KEY=value} lines a shell can source and
 * a test can read.
 *
 * @param tokens a bearer token per person role ({@code researcher}, ...), written as {@code ALIGNLAB_TOKEN_<ROLE>}
 */
public record EnvFile(Map<Service, URI> urls, String jdbcUrl, String bootstrapServers, String monitorPublicKey,
        String executorPublicKey, Path runDir, Map<String, String> tokens) {

    public String render() {
        StringBuilder text = new StringBuilder("# AlignLab local stack; source this file to reach it.\n");
        for (Service service : Service.values()) {
            text.append(key(service)).append('=').append(urls.get(service)).append('\n');
        }
        text.append("ALIGNLAB_JDBC_URL=").append(jdbcUrl).append('\n');
        text.append("KAFKA_BOOTSTRAP_SERVERS=").append(bootstrapServers).append('\n');
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
