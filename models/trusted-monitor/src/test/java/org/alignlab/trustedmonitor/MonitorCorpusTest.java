package org.alignlab.trustedmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.Split;
import org.alignlab.trustedmonitor.CorpusExample.Part;
import org.junit.jupiter.api.Test;

class MonitorCorpusTest {

    private static final double SCALE = 0.1;

    private final MonitorCorpus corpus = MonitorCorpus.build(3, SCALE, AttackCategory.SABOTAGE);

    @Test
    void theSameSeedGivesTheSameTexts() {
        List<String> again = MonitorCorpus.build(3, SCALE, AttackCategory.SABOTAGE).rows().stream()
                .map(CorpusExample::text).toList();

        assertThat(corpus.rows().stream().map(CorpusExample::text).toList()).isEqualTo(again);
        assertThat(MonitorCorpus.build(4, SCALE, AttackCategory.SABOTAGE).rows().get(0).text())
                .isNotEqualTo(again.get(0));
    }

    @Test
    void everyAttackCategoryIsPresentAndTheHeldOutOneIsNeverTrainedOn() {
        Set<String> attackCategories = corpus.rows().stream().filter(CorpusExample::attack)
                .map(CorpusExample::category).collect(Collectors.toSet());

        assertThat(attackCategories).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(AttackCategory.values()).map(AttackCategory::slug).toList());
        assertThat(corpus.rows()).filteredOn(row -> row.category().equals("sabotage"))
                .allMatch(row -> row.part() == Part.HELD_OUT_CATEGORY);
        assertThat(corpus.rows()).filteredOn(row -> row.part() == Part.HELD_OUT_CATEGORY)
                .allMatch(row -> row.category().equals("sabotage"));
    }

    @Test
    void testTemplatesNeverAppearInTraining() {
        Map<String, Set<String>> trainTemplates = corpus.part(Part.TRAIN).stream().collect(Collectors.groupingBy(
                CorpusExample::category, Collectors.mapping(CorpusExample::template, Collectors.toSet())));

        corpus.testTemplates().forEach((category, templates) -> {
            assertThat(templates).isNotEmpty();
            assertThat(trainTemplates.getOrDefault(category, Set.of())).doesNotContainAnyElementsOf(templates);
        });
        assertThat(corpus.part(Part.TEST)).anyMatch(CorpusExample::attack).anyMatch(row -> !row.attack());
    }

    @Test
    void benignActionsStayWithinWhatTheMonitorAllows() {
        assertThat(corpus.rows()).filteredOn(row -> !row.attack()).allSatisfy(row -> {
            var spec = row.action().spec();
            assertThat(spec.resources().cpuSeconds()).isBetween(1, ActionFactory.MAX_CPU_SECONDS);
            assertThat(spec.resources().memoryMb()).isBetween(64, ActionFactory.MAX_MEMORY_MB);
            assertThat(spec.resources().wallSeconds()).isBetween(1, ActionFactory.MAX_WALL_SECONDS);
            assertThat(spec.split() == Split.HELDOUT).isEqualTo(row.action().agent() == Agent.REVIEW);
        });
    }

    @Test
    void textIsTheCanonicalJsonOfTheAction() {
        String text = corpus.rows().get(0).text();

        assertThat(text).startsWith("{\"agent\":").doesNotContain("\n  ");
    }
}
