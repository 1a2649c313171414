package org.alignlab.monitor.scoring.capabilities;

/** Derives a script's capabilities. Never throws: what it cannot analyse comes back as not analysed. */
@FunctionalInterface
public interface ScriptAnalyser {

    ScriptAnalysis analyse(String source);
}
