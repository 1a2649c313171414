package org.alignlab.review.round;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which of a round's successful ideation runs is the baseline the others are compared with. In order:
 * <ol>
 *   <li>the run that other runs of the round name as their {@code parentActionId} (the most named);</li>
 *   <li>a run whose hypothesis starts with "Baseline";</li>
 *   <li>a run with no params at all, i.e. the family's own defaults.</li>
 * </ol>
 * Ties go to the earliest proposed. None of these ⇒ no baseline in this round.
 */
final class BaselineFinder {

    private static final Comparator<ActionView> EARLIEST = Comparator.comparing(ActionView::createdAt)
            .thenComparing(ActionView::id);

    private BaselineFinder() {
    }

    static Optional<ActionView> find(List<ActionView> runs) {
        Map<UUID, ActionView> byId = runs.stream().collect(Collectors.toMap(ActionView::id, Function.identity()));
        Map<UUID, Long> named = runs.stream()
                .map(run -> run.action().parentActionId())
                .filter(byId::containsKey)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        if (!named.isEmpty()) {
            return named.entrySet().stream()
                    .max(Map.Entry.<UUID, Long>comparingByValue()
                            .thenComparing(e -> byId.get(e.getKey()), EARLIEST.reversed()))
                    .map(e -> byId.get(e.getKey()));
        }
        Optional<ActionView> declared = runs.stream()
                .filter(run -> run.action().hypothesis() != null
                        && run.action().hypothesis().strip().toLowerCase(Locale.ROOT).startsWith("baseline"))
                .min(EARLIEST);
        if (declared.isPresent()) {
            return declared;
        }
        return runs.stream().filter(run -> run.params().isEmpty()).min(EARLIEST);
    }
}
