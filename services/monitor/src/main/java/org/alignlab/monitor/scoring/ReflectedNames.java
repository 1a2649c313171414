package org.alignlab.monitor.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The names a script hands to reflection or to a method-handle lookup ({@code getMethod("exec")},
 * {@code findStatic(System.class, "load", …)}, {@code Class.forName("java.lang.Runtime")}): its literals, each
 * alone and joined with its neighbours ({@code "ex" + "ec"}), read only when the script does such a lookup. A
 * literal {@code "load"} is a metric's name in honest code; next to {@code findStatic} it is the method to call.
 */
final class ReflectedNames {

    static final Pattern LOOKUP = Pattern.compile("\\b(?:get(?:Declared)?Methods?|get(?:Declared)?Constructors?"
            + "|find(?:Virtual|Static|Special|Constructor)|unreflect\\w*|forName|loadClass|MethodHandles?)\\b");

    private ReflectedNames() {
    }

    /** The script's literals and joined literal runs when it looks anything up by name; otherwise nothing. */
    static List<ActionText.Surface> of(ActionText text) {
        if (text.script() == null || !LOOKUP.matcher(text.script().code()).find()) {
            return List.of();
        }
        List<ActionText.Surface> names = new ArrayList<>();
        text.script().literals().forEach(literal -> names.add(new ActionText.Surface(ActionText.SCRIPT,
                literal.value())));
        ObfuscationRule.joinedRuns(text.script()).forEach(joined -> names.add(new ActionText.Surface(
                ActionText.SCRIPT, joined)));
        return names;
    }
}
