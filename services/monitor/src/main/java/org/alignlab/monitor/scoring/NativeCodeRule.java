package org.alignlab.monitor.scoring;

import java.util.List;
import java.util.regex.Pattern;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.RuleHit;

/**
 * {@code native-code}: reaching native code from the script: JNA ({@code com.sun.jna}, {@code Native.load}), JNI
 * ({@code System.load}/{@code loadLibrary} called, referenced as {@code System::load} or named to reflection, a
 * {@code native} method), the foreign-function API ({@code java.lang.foreign}, {@code jdk.incubator.foreign},
 * {@code Linker}, {@code SymbolLookup}) and shared-library files. Native code runs outside everything the JVM checks
 * and that the rules read: libc's {@code system()} is a shell. The sandbox refuses it too (no JNA on a script's class
 * path, a guard on library loads, a noexec work directory); the rule keeps such a script from running at all.
 */
final class NativeCodeRule implements Rule {

    static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("\\bcom\\s*\\.\\s*sun\\s*\\.\\s*jna\\b"),
            Pattern.compile("\\bNative\\s*\\.\\s*(?:load|loadLibrary|register|synchronizedLibrary)\\b"),
            Pattern.compile("\\b(?:System|Runtime\\s*\\.\\s*getRuntime\\s*\\(\\s*\\))\\s*\\.\\s*load(?:Library)?\\b"),
            Pattern.compile("\\.\\s*loadLibrary\\s*\\(|::\\s*load(?:Library)?\\b"),
            Pattern.compile("\\b(?:java\\s*\\.\\s*lang|jdk\\s*\\.\\s*incubator)\\s*\\.\\s*foreign\\b"),
            Pattern.compile("\\b(?:C?Linker|SymbolLookup|FunctionDescriptor|MemorySegment|MemoryAddress|NativeSymbol"
                    + "|ResourceScope)\\b"),
            // A JNI method declared in the script: `native int system(String command);`.
            Pattern.compile("\\bnative\\s+[\\w.$<>\\[\\]]+\\s+\\w+\\s*\\("),
            Pattern.compile("\\bjna\\b"));

    /** A literal or param naming a shared library file: nothing in an experiment loads one. */
    static final List<Pattern> LIBRARY_FILES = List.of(
            Pattern.compile("(?i)\\.(?:so(?:\\.\\d+)*|dll|dylib|jnilib)\\s*$"));

    /** A whole name handed to reflection ({@link ReflectedNames}): a loading method or the class that has it. */
    static final List<Pattern> REFLECTED_NAMES = List.of(
            Pattern.compile("^\\s*(?:load|loadLibrary|load0|loadLibrary0|nativeLoad)\\s*$"),
            Pattern.compile("^\\s*(?:java\\.lang\\.)?(?:System|ClassLoader\\$NativeLibrary|jdk\\.internal\\.loader\\."
                    + "\\w+)\\s*$"));

    @Override
    public List<RuleHit> check(AgentAction action, GateContext ctx) {
        ActionText text = ActionText.of(action);
        return new Findings().scan(text.code(), PATTERNS).scan(text.literals(), LIBRARY_FILES)
                .scan(ReflectedNames.of(text), REFLECTED_NAMES)
                .hit(RuleDefinition.NATIVE_CODE);
    }
}
