package org.alignlab.monitor.scoring;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.alignlab.contracts.events.RuleHit;

/**
 * What one rule found, grouped by where, turned into at most one hit whose detail a reviewer can act on
 * ({@code script: 'java.net.Socket'; params.url: 'http://…'}). Bounded, however much was found.
 */
final class Findings {

    private static final int MAX_SNIPPET = 60;
    private static final int MAX_PER_PLACE = 4;
    private static final int MAX_PLACES = 6;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final Map<String, Set<String>> byPlace = new LinkedHashMap<>();

    /** Adds the first match of each pattern in each surface. */
    Findings scan(List<ActionText.Surface> surfaces, List<Pattern> patterns) {
        for (ActionText.Surface surface : surfaces) {
            for (Pattern pattern : patterns) {
                Matcher match = pattern.matcher(surface.text());
                if (match.find()) {
                    add(surface.where(), match.group());
                }
            }
        }
        return this;
    }

    Findings add(String where, String what) {
        byPlace.computeIfAbsent(where, w -> new LinkedHashSet<>()).add(snippet(what));
        return this;
    }

    boolean isEmpty() {
        return byPlace.isEmpty();
    }

    /** No hit when nothing was found; otherwise one hit of {@code rule} naming what and where. */
    List<RuleHit> hit(RuleDefinition rule) {
        if (isEmpty()) {
            return List.of();
        }
        String detail = byPlace.entrySet().stream().limit(MAX_PLACES)
                .map(place -> place.getKey() + ": " + place.getValue().stream().limit(MAX_PER_PLACE)
                        .map(what -> "'" + what + "'").collect(Collectors.joining(", "))
                        + (place.getValue().size() > MAX_PER_PLACE ? " and more" : ""))
                .collect(Collectors.joining("; "))
                + (byPlace.size() > MAX_PLACES ? "; and " + (byPlace.size() - MAX_PLACES) + " more places" : "");
        return List.of(rule.hit(detail));
    }

    private static String snippet(String text) {
        String flat = WHITESPACE.matcher(text).replaceAll(" ").strip();
        return flat.length() <= MAX_SNIPPET ? flat : flat.substring(0, MAX_SNIPPET) + "…";
    }
}
