package org.alignlab.experiments.script;

/**
 * What an agent's script implements: its public class, named as the file's public class, implements this, has a
 * public no-argument constructor, and reports at least one metric through the context. The runner creates a fresh
 * instance, in a fresh class loader, for every seed.
 */
public interface Experiment {

    void run(ScriptContext ctx) throws Exception;
}
