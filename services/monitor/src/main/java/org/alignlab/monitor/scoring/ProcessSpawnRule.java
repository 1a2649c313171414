package org.alignlab.monitor.scoring;

import java.util.List;
import java.util.regex.Pattern;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.RuleHit;

/**
 * {@code process-spawn}: starting or inspecting other processes, however the call is spelled. A call
 * ({@code Runtime.getRuntime().exec(…)}, {@code new ProcessBuilder}), a method reference ({@code rt::exec},
 * {@code ProcessBuilder::new}), or a name handed to reflection or a method handle ({@code "exec"},
 * {@code "java.lang.Runtime"}, {@code Process.class}) all end in the same fork and exec. An experiment is one JVM;
 * a child process escapes every static check made on the script, whatever the sandbox still limits.
 */
final class ProcessSpawnRule implements Rule {

    static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("\\bProcessBuilder\\b"),
            Pattern.compile("\\bProcessHandle\\b"),
            Pattern.compile("\\bRuntime\\s*\\.\\s*getRuntime\\s*\\(\\s*\\)\\s*\\.\\s*exec\\b"),
            Pattern.compile("\\.\\s*exec\\s*\\("),
            // A method reference: Runtime.getRuntime()::exec, rt::exec, Runtime::exec.
            Pattern.compile("::\\s*exec\\b"),
            // The types a reflective or method-handle lookup of exec names: Process.class, a Process variable.
            Pattern.compile("\\bProcess\\s*\\.\\s*class\\b|\\bProcess\\s*(?:>|\\[\\s*]|\\s+\\w+\\s*[=;:)])"),
            Pattern.compile("\\b(?:ProcessImpl|UNIXProcess|forkAndExec)\\b"),
            // Runtime as a reflection target: nothing else needs its Class.
            Pattern.compile("\\bRuntime\\s*\\.\\s*class\\b"));

    /** A whole name handed to reflection ({@link ReflectedNames}): the method, or the class that has it. */
    static final List<Pattern> REFLECTED_NAMES = List.of(
            Pattern.compile("^\\s*(?:exec|forkAndExec|startPipeline)\\s*$"),
            Pattern.compile("^\\s*(?:java\\.lang\\.)?(?:Runtime|Process|ProcessBuilder|ProcessImpl|ProcessHandle)"
                    + "\\s*$"));

    @Override
    public List<RuleHit> check(AgentAction action, GateContext ctx) {
        ActionText text = ActionText.of(action);
        return new Findings().scan(text.code(), PATTERNS).scan(ReflectedNames.of(text), REFLECTED_NAMES)
                .hit(RuleDefinition.PROCESS_SPAWN);
    }
}
