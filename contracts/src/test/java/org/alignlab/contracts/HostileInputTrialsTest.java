package org.alignlab.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.alignlab.contracts.json.Json;
import org.alignlab.contracts.json.JsonLimits;
import org.alignlab.contracts.testing.Trials;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded trials (decision 0008) of several hostile changes at once: each trial draws an event (or the runner's
 * output), one to three changes that must be refused and up to two that must be accepted, at places apart from one
 * another, and applies them all. Decoding must refuse the payload naming at least one refused change (the first stage
 * that fails, size, parser, values or schema, stops the rest), or accept it when every change was acceptable.
 */
class HostileInputTrialsTest {

    private static final SchemaMap SCHEMAS = new SchemaMap();
    private static final List<FullSamples.Sample> SAMPLES = FullSamples.all();

    record Trial(FullSamples.Sample sample, List<Mutations.Mutation> refused, List<Mutations.Mutation> accepted,
            String payload) {

        @Override
        public String toString() {
            return sample + ": refused " + refused + ", accepted " + accepted;
        }
    }

    static LongStream seeds() {
        return Trials.seeds(300);
    }

    @ParameterizedTest(name = Trials.NAME)
    @MethodSource("seeds")
    void severalHostileChangesAreRefusedNamingOneOfThem(long seed) {
        Trials.check(seed, HostileInputTrialsTest::trial, trial -> {
            boolean tooLarge = JsonLimits.utf8LongerThan(trial.payload(), JsonLimits.MAX_PAYLOAD_BYTES);
            Mutations.Expect expect = trial.refused().isEmpty() && !tooLarge ? Mutations.Expect.accepted()
                    : new Mutations.Expect(false, List.of(), mentions(trial, tooLarge));
            assertThat(BoundedInputTest.check(trial.sample(), trial.payload(), expect)).isEmpty();
        });
    }

    private static List<String> mentions(Trial trial, boolean tooLarge) {
        List<String> mentions = new ArrayList<>();
        if (tooLarge) {
            mentions.add("larger than " + JsonLimits.MAX_PAYLOAD_BYTES + " bytes");
        }
        // A refusal names every place it found, or only the first a parser stopped at; any one will do.
        for (Mutations.Mutation mutation : trial.refused()) {
            List<String> all = mutation.expect().allOf();
            mentions.addAll(all.isEmpty() ? mutation.expect().anyOf() : List.of(all.get(0)));
        }
        return mentions;
    }

    static Trial trial(Random random) {
        FullSamples.Sample sample = SAMPLES.get(random.nextInt(SAMPLES.size()));
        JsonNode document = Json.tree(sample.value());
        List<Mutations.Mutation> refusable = new ArrayList<>();
        List<Mutations.Mutation> acceptable = new ArrayList<>();
        for (Mutations.Place place : Mutations.places(SCHEMAS, SCHEMAS.root(sample.schemaFile()), document)) {
            for (Mutations.Mutation mutation : Mutations.of(place, random)) {
                (mutation.expect().accept() ? acceptable : refusable).add(mutation);
            }
        }
        List<Mutations.Mutation> chosen = new ArrayList<>();
        List<Mutations.Mutation> refused = pick(refusable, random.nextInt(4), random, chosen);
        List<Mutations.Mutation> accepted = pick(acceptable, random.nextInt(3), random, chosen);
        Mutations.Draft draft = new Mutations.Draft(document);
        chosen.forEach(mutation -> mutation.change().accept(draft));
        return new Trial(sample, refused, accepted, draft.payload());
    }

    /** Up to {@code count} mutations at places apart from those already {@code chosen}. */
    private static List<Mutations.Mutation> pick(List<Mutations.Mutation> from, int count, Random random,
            List<Mutations.Mutation> chosen) {
        List<Mutations.Mutation> picked = new ArrayList<>();
        for (int tries = 0; picked.size() < count && tries < 100 && !from.isEmpty(); tries++) {
            Mutations.Mutation candidate = from.get(random.nextInt(from.size()));
            if (chosen.stream().noneMatch(c -> c.place().overlaps(candidate.place()))) {
                picked.add(candidate);
                chosen.add(candidate);
            }
        }
        return picked;
    }
}
