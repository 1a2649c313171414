package org.alignlab.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code alignlab.env}: how to reach a running local stack, as {@code KEY=value} lines a shell can source and
 * a test can read.
 */
public record EnvFile(Map<Service, URI> urls, String jdbcUrl, String bootstrapServers, String monitorPublicKey,
                      Path runDir) {

    public String render() {
        StringBuilder text = new StringBuilder("# AlignLab local stack; source this file to reach it.\n");
        for (Service service : Service.values()) {
            text.append(key(service)).append('=').append(urls.get(service)).append('\n');
        }
        text.append("ALIGNLAB_JDBC_URL=").append(jdbcUrl).append('\n');
        text.append("KAFKA_BOOTSTRAP_SERVERS=").append(bootstrapServers).append('\n');
        text.append("ALIGNLAB_MONITOR_PUBLIC_KEY=").append(monitorPublicKey).append('\n');
        text.append("ALIGNLAB_RUN_DIR=").append(runDir).append('\n');
        text.append("# Bearer tokens per role (researcher, reviewer, operator) come with the authentication issue.\n");
        return text.toString();
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, render());
    }

    /** {@code ALIGNLAB_<SERVICE>_URL}. */
    public static String key(Service service) {
        return "ALIGNLAB_" + service.name() + "_URL";
    }
}
