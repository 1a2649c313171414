package org.alignlab.monitor.scoring.capabilities;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A string as far as the analysis can tell: known pieces and holes ({@code "/work/run-" + seed + ".csv"} is a known
 * piece, a hole and a known piece). A hole is <em>tame</em> when it stands for a number or a boolean, which cannot
 * hold a {@code /} or make a {@code ..}; otherwise it is <em>free</em> and may hold anything.
 */
record Text(List<Part> parts) {

    /** Longer strings are not tracked: nothing the analysis judges by name is that long. */
    static final int MAX_LENGTH = 4096;

    sealed interface Part permits Known, Hole {
    }

    record Known(String value) implements Part {
    }

    /** @param free whether the hole may hold any character, not just a number's or a boolean's */
    record Hole(boolean free) implements Part {
    }

    static final Text FREE = new Text(List.of(new Hole(true)));
    static final Text TAME = new Text(List.of(new Hole(false)));

    Text {
        parts = List.copyOf(parts);
    }

    static Text known(String value) {
        return value.length() > MAX_LENGTH ? FREE : new Text(List.of(new Known(value)));
    }

    Text concat(Text other) {
        List<Part> joined = new ArrayList<>(parts);
        for (Part part : other.parts) {
            if (part instanceof Known next && !joined.isEmpty()
                    && joined.get(joined.size() - 1) instanceof Known last) {
                joined.set(joined.size() - 1, new Known(last.value() + next.value()));
            } else {
                joined.add(part);
            }
        }
        Text text = new Text(joined);
        return text.length() > MAX_LENGTH ? FREE : text;
    }

    /** The whole string, when every part is known. */
    Optional<String> value() {
        if (parts.size() == 1 && parts.get(0) instanceof Known known) {
            return Optional.of(known.value());
        }
        return parts.isEmpty() ? Optional.of("") : Optional.empty();
    }

    /** The known characters before the first hole. */
    String knownPrefix() {
        return !parts.isEmpty() && parts.get(0) instanceof Known known ? known.value() : "";
    }

    boolean hasFreeHole() {
        return parts.stream().anyMatch(part -> part instanceof Hole hole && hole.free());
    }

    /** As a reviewer reads it: holes as {@code …}. */
    String display() {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            out.append(part instanceof Known known ? known.value() : "…");
        }
        return out.toString();
    }

    private int length() {
        return parts.stream().mapToInt(part -> part instanceof Known known ? known.value().length() : 1).sum();
    }
}
