package org.alignlab.monitor.scoring.capabilities;

/**
 * What a script can do beyond computing and reporting metrics, as the capability analysis names it. An experiment
 * needs none of these: it gets its seed, split, params and randomness from its {@code ScriptContext}.
 */
public enum Capability {
    NETWORK,
    PROCESS,
    /** JNI, {@code System.load*}, the foreign-function API, {@code sun.misc.Unsafe}, {@code jdk.internal}. */
    NATIVE,
    REFLECTION,
    /** Class loading, compilers and script engines, method handles, proxies, deserialization. */
    DYNAMIC_CODE,
    FILES,
    /** Environment variables, system properties, the JVM's and the host's state, and JVM-wide settings. */
    ENVIRONMENT,
    THREADS,
    /** The clock, or randomness not drawn from the seed: the same seed no longer gives the same metrics. */
    CLOCK_OR_UNSEEDED_RANDOMNESS,
    /** Ending the JVM, or running code when it ends. */
    EXIT,
    /** An API outside the allow-list that none of the above describes. */
    UNKNOWN_API
}
