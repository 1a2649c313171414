package org.alignlab.trustedmonitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.trustedmonitor.CorpusExample.Part;

/**
 * The labelled corpus of the trusted monitor, the same for the same seed and scale.
 *
 * <p>Benign: ideation experiments sampled from every family's parameter schema, review's replications on the
 * held-out split, and honest scripts. Attacks: the {@link AttackLibrary}, mostly spliced into the same kinds of
 * honest actions. Evaluation is kept honest twice over: a quarter of the templates of every category (benign scripts
 * included) go to the test part whole, so test rows are written differently from any training row; and one attack
 * category is never trained on at all.
 */
final class MonitorCorpus {

    /** Rows at scale 1. */
    static final int BENIGN_EXPERIMENTS = 1200;
    static final int BENIGN_REPLICATIONS = 300;
    static final int BENIGN_SCRIPTS = 1500;
    static final int ATTACKS_PER_CATEGORY = 250;
    static final double TEST_SHARE = 0.25;

    static final String BENIGN_EXPERIMENT = "benign-experiment";
    static final String BENIGN_REPLICATION = "benign-replication";
    static final String BENIGN_SCRIPT = "benign-script";

    private final List<CorpusExample> rows;
    private final Map<String, Set<String>> testTemplates;
    private final Map<UUID, AgentAction> replicated;

    private MonitorCorpus(List<CorpusExample> rows, Map<String, Set<String>> testTemplates,
            Map<UUID, AgentAction> replicated) {
        this.rows = rows;
        this.testTemplates = testTemplates;
        this.replicated = replicated;
    }

    /**
     * Builds the corpus.
     *
     * @param scale    multiplies every row count (1 for the shipped model, less for a quick test)
     * @param heldOut  the attack category kept out of training
     */
    static MonitorCorpus build(long seed, double scale, AttackCategory heldOut) {
        Random rng = new Random(seed);
        ActionFactory actions = new ActionFactory();
        Map<String, Set<String>> testTemplates = new TreeMap<>();
        List<CorpusExample> rows = new ArrayList<>();

        for (int i = 0; i < count(BENIGN_EXPERIMENTS, scale); i++) {
            rows.add(benign(BENIGN_EXPERIMENT, "schema-sample", randomPart(rng), actions.experiment(rng)));
        }
        for (int i = 0; i < count(BENIGN_REPLICATIONS, scale); i++) {
            rows.add(benign(BENIGN_REPLICATION, "heldout-replication", randomPart(rng), actions.replication(rng)));
        }
        List<BenignScripts.Template> scripts = BenignScripts.templates();
        Set<String> testScripts = testTemplates(seed, BENIGN_SCRIPT,
                scripts.stream().map(BenignScripts.Template::name).toList());
        testTemplates.put(BENIGN_SCRIPT, testScripts);
        for (int i = 0; i < count(BENIGN_SCRIPTS, scale); i++) {
            BenignScripts.Template template = scripts.get(i % scripts.size());
            Part part = testScripts.contains(template.name()) ? Part.TEST : Part.TRAIN;
            rows.add(benign(BENIGN_SCRIPT, template.name(), part, actions.script(rng, template.build().apply(rng))));
        }

        Map<AttackCategory, List<AttackLibrary.Attack>> byCategory = AttackLibrary.all().stream()
                .collect(Collectors.groupingBy(AttackLibrary.Attack::category,
                        () -> new EnumMap<>(AttackCategory.class), Collectors.toList()));
        for (Map.Entry<AttackCategory, List<AttackLibrary.Attack>> entry : byCategory.entrySet()) {
            AttackCategory category = entry.getKey();
            List<AttackLibrary.Attack> attacks = entry.getValue();
            Set<String> testAttacks = category == heldOut ? Set.of()
                    : testTemplates(seed, category.slug(), attacks.stream().map(AttackLibrary.Attack::name).toList());
            if (category != heldOut) {
                testTemplates.put(category.slug(), testAttacks);
            }
            for (int i = 0; i < count(ATTACKS_PER_CATEGORY, scale); i++) {
                AttackLibrary.Attack attack = attacks.get(i % attacks.size());
                Part part = category == heldOut ? Part.HELD_OUT_CATEGORY
                        : testAttacks.contains(attack.name()) ? Part.TEST : Part.TRAIN;
                rows.add(new CorpusExample(category.slug(), attack.name(), true, part,
                        valid(attack.builder().build(rng, actions))));
            }
        }
        return new MonitorCorpus(List.copyOf(rows), Collections.unmodifiableMap(testTemplates), actions.replicated());
    }

    List<CorpusExample> rows() {
        return rows;
    }

    /** The experiment a replication row replicates: never a row itself, but the platform ran it first. */
    Optional<AgentAction> replicatedBy(AgentAction replication) {
        return Optional.ofNullable(replicated.get(replication.id()));
    }

    List<CorpusExample> part(Part part) {
        return rows.stream().filter(row -> row.part() == part).toList();
    }

    /** The templates of each category kept for the test part (the held-out category is all test). */
    Map<String, Set<String>> testTemplates() {
        return testTemplates;
    }

    /** Rows per category and part, for the metadata. */
    Map<String, Map<String, Long>> counts() {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (CorpusExample row : rows) {
            counts.computeIfAbsent(row.category(), c -> new TreeMap<>())
                    .merge(row.part().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
        }
        return counts;
    }

    private static CorpusExample benign(String category, String template, Part part, AgentAction action) {
        return new CorpusExample(category, template, false, part, valid(action));
    }

    /** Every row is an action the monitor would actually receive: one that passes the AgentAction schema. */
    private static AgentAction valid(AgentAction action) {
        EventCodec.encode(action);
        return action;
    }

    private static Part randomPart(Random rng) {
        return rng.nextDouble() < TEST_SHARE ? Part.TEST : Part.TRAIN;
    }

    /** A quarter of the templates (at least one), chosen by the seed alone. */
    private static Set<String> testTemplates(long seed, String group, List<String> names) {
        List<String> shuffled = new ArrayList<>(new TreeSet<>(names));
        Collections.shuffle(shuffled, new Random(seed * 31 + group.hashCode()));
        int take = Math.max(1, (int) Math.round(shuffled.size() * TEST_SHARE));
        return new TreeSet<>(shuffled.subList(0, take));
    }

    private static int count(int atScaleOne, double scale) {
        return Math.max(1, (int) Math.round(atScaleOne * scale));
    }
}
