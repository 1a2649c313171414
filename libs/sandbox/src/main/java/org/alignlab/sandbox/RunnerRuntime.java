package org.alignlab.sandbox;

import java.nio.file.Path;

/**
 * The two runner jars the experiments module builds. The families' runner holds every family, and with them the
 * code that generates each family's held-out split; an agent's script gets the script runtime instead, which holds
 * the script API, the runner and the generic training helpers but none of the families, and is the only jar its
 * sandbox shows. So a script cannot load a family's data generator, however it names or reflects on it.
 */
public enum RunnerRuntime {
    FAMILIES,
    SCRIPT;

    public static final String SCRIPT_FAMILY = "script";
    /** The classifier of the script runtime jar, built beside the families' jar (libs/experiments/pom.xml). */
    static final String SCRIPT_CLASSIFIER = "script-runtime";

    public static RunnerRuntime forFamily(String family) {
        return SCRIPT_FAMILY.equals(family) ? SCRIPT : FAMILIES;
    }

    /**
     * The folder of jars beside the runner jar this runtime's class path reads, shown at
     * {@code /opt/alignlab/experiments/lib}: the families' {@code lib/}, or for a script {@code script-lib/}, the
     * same jars without JNA, so that no jar a script can reach calls native code for it (DJL runs without JNA; it
     * only uses it to look for CUDA).
     */
    public String libDirectory() {
        return this == FAMILIES ? "lib" : "script-lib";
    }

    /** This runtime's jar, given the families' jar: that jar itself, or the script runtime beside it. */
    public Path jar(Path experimentsJar) {
        if (this == FAMILIES) {
            return experimentsJar;
        }
        String name = experimentsJar.getFileName().toString();
        String base = name.endsWith(".jar") ? name.substring(0, name.length() - ".jar".length()) : name;
        return experimentsJar.resolveSibling(base + "-" + SCRIPT_CLASSIFIER + ".jar");
    }
}
