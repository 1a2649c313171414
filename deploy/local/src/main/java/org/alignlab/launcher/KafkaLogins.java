package org.alignlab.launcher;

import org.alignlab.infra.KafkaAccess;
import org.alignlab.infra.KafkaCredentials;
import org.alignlab.infra.Passwords;

/**
 * How each part of a stack logs in to its broker: on the local broker as its own SCRAM user; on an external
 * broker the user named (PLAINTEXT, as the external broker's operator set it up).
 *
 * @param credentials the local broker's users, or null for an external broker
 */
public record KafkaLogins(String bootstrapServers, Passwords credentials) {

    /** How {@code user} (a service's id, or {@code audit-verifier}) reaches the broker. */
    public KafkaAccess as(String user) {
        return credentials == null ? KafkaAccess.plaintext(bootstrapServers)
                : KafkaCredentials.access(credentials, bootstrapServers, user);
    }

    /** How the launcher itself, and harnesses that play an attacker, reach the broker. */
    public KafkaAccess admin() {
        return as(KafkaCredentials.ADMIN);
    }
}
