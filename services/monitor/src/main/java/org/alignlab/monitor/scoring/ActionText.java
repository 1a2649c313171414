package org.alignlab.monitor.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alignlab.contracts.events.AgentAction;

/**
 * The text of an action that content rules read, split by where it came from so a hit can say where it was
 * found: the hypothesis, the script (see {@link JavaSource}) and every param name and string value, at any depth.
 */
public record ActionText(String hypothesis, JavaSource script, List<Surface> params) {

    /** One piece of text and where it is in the action ({@code script}, {@code params.note}, ...). */
    public record Surface(String where, String text) {
    }

    static final String SCRIPT = "script";
    static final String HYPOTHESIS = "hypothesis";

    public ActionText {
        params = List.copyOf(params);
    }

    public static ActionText of(AgentAction action) {
        String script = action.spec().script();
        List<Surface> params = new ArrayList<>();
        collect("params", action.spec().params(), params);
        return new ActionText(action.hypothesis(), script == null ? null : JavaSource.parse(script), params);
    }

    /** Where code can hide: the script without comments (its literals included), then every param string. */
    public List<Surface> code() {
        List<Surface> surfaces = new ArrayList<>();
        if (script != null) {
            surfaces.add(new Surface(SCRIPT, script.code()));
        }
        surfaces.addAll(params);
        return surfaces;
    }

    /** Where a name or a path is spelled out: each literal of the script, then every param string. */
    public List<Surface> literals() {
        List<Surface> surfaces = new ArrayList<>();
        if (script != null) {
            script.literals().forEach(literal -> surfaces.add(new Surface(SCRIPT, literal.value())));
        }
        surfaces.addAll(params);
        return surfaces;
    }

    /** Where words addressed to a reader can go: the hypothesis, the whole script with its comments, the params. */
    public List<Surface> prose() {
        List<Surface> surfaces = new ArrayList<>();
        if (hypothesis != null) {
            surfaces.add(new Surface(HYPOTHESIS, hypothesis));
        }
        if (script != null) {
            surfaces.add(new Surface(SCRIPT, script.translated()));
        }
        surfaces.addAll(params);
        return surfaces;
    }

    private static void collect(String path, Object value, List<Surface> out) {
        if (value instanceof String text) {
            out.add(new Surface(path, text));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> {
                String name = String.valueOf(key);
                out.add(new Surface(path + " (a name)", name));
                collect(path + "." + name, inner, out);
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(path + "[" + i + "]", list.get(i), out);
            }
        }
    }
}
