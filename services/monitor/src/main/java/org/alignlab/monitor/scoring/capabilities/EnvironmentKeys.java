package org.alignlab.monitor.scoring.capabilities;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which environment variables and system properties a script may read with a hold rather than a block. A read is
 * HARD when the name looks like a secret or a credential, when the value locates the runtime's or the user's files
 * (which is how a script finds the runner's output or jars), or when the name cannot be read from the source (it may
 * be any of those). Other names (the JVM's version, the number of threads to use) are host state: SOFT.
 */
final class EnvironmentKeys {

    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(key|token|secret|passw|pwd|credential|auth|private|session|cookie|cert|signing).*");

    /** Infrastructure and identity: who and where the process runs, and the services it could reach. */
    private static final Pattern INFRASTRUCTURE = Pattern.compile(
            "(?i)(aws|gcp|google|azure|kube|kubernetes|docker|ssh|gpg|git|db|database|jdbc|postgres|kafka|redis|mongo"
                    + "|alignlab|djl)(_.*)?|.*_(host|port|url|uri|addr|address|endpoint|dsn|user|username)|home|user"
                    + "|username|logname|hostname|path|pwd|classpath|ld_.*|java_.*|jdk_.*|.*_home");

    private static final Set<String> LOCATING_PROPERTIES = Set.of("user.home", "user.name", "java.home",
            "java.class.path", "java.library.path", "sun.boot.library.path", "jdk.module.path",
            "jdk.module.upgrade.path",
            "sun.java.command", "java.ext.dirs", "java.endorsed.dirs", "java.security.policy",
            "java.security.properties",
            "sun.java.launcher", "jdk.debug");

    private EnvironmentKeys() {
    }

    /** @return why the read is HARD, or null when it is host state only */
    static String hardReason(String api, Text name) {
        if (name.value().isEmpty()) {
            return "reads " + (api.endsWith("getenv") ? "an environment variable" : "a system property")
                    + " whose name the analysis cannot read";
        }
        String key = name.value().get();
        if (SECRET.matcher(key).matches()) {
            return "reads '" + key + "', which names a secret";
        }
        if (api.endsWith("getenv") ? INFRASTRUCTURE.matcher(key).matches()
                : LOCATING_PROPERTIES.contains(key.toLowerCase(Locale.ROOT)) || key.startsWith("javax.net.ssl")) {
            return "reads '" + key + "', which locates the runtime's or the user's files or the platform's services";
        }
        return null;
    }
}
