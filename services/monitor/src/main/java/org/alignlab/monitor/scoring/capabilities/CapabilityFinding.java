package org.alignlab.monitor.scoring.capabilities;

import org.alignlab.contracts.events.RuleHit.Severity;

/**
 * One use of a capability in a script.
 *
 * @param severity HARD for what no experiment may do (a network, a process, native or dynamic code, leaving the work
 *                 dir, reading secrets, ending the JVM); SOFT for what is merely outside the allow-list
 * @param line     1-based line of the script where it is used
 * @param api      what is used, e.g. {@code java.lang.Runtime.exec} or {@code java.net.Socket}
 * @param why      what that use means, for the reviewer
 */
public record CapabilityFinding(Capability capability, Severity severity, long line, String api, String why) {

    public boolean hard() {
        return severity == Severity.HARD;
    }

    /** {@code line 7 PROCESS java.lang.Runtime.exec: starts another process}. */
    public String describe() {
        return "line " + line + " " + capability + " " + api + ": " + why;
    }
}
