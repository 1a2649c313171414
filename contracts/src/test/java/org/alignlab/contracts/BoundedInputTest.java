package org.alignlab.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.alignlab.contracts.json.InvalidEventException;
import org.alignlab.contracts.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hostile change {@link Mutations} knows, at every place of every event (and of the runner's output) with every
 * optional field set: a NUL, a control character, an unpaired surrogate or a line break in every string, every string
 * past its maxLength and 1 MiB long, every number at and past its bounds, 400 digits long and past a double, every
 * array at and past its maxItems and huge, every map at and past its maxProperties and with hostile keys, an unknown
 * property and a duplicate key in every object, nesting past the limit anywhere, an unknown value of every enum. A
 * refusal must be an {@link InvalidEventException} naming the place (or the size or nesting limit); a value at its
 * bound must still decode.
 */
class BoundedInputTest {

    private static final SchemaMap SCHEMAS = new SchemaMap();

    static Stream<FullSamples.Sample> samples() {
        return FullSamples.all().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyMutationOfEveryPlaceIsRefusedNamingItOrAcceptedAtItsBound(FullSamples.Sample sample) {
        JsonNode document = Json.tree(sample.value());
        assertThatCode(() -> Decoding.decode(sample, document.toString())).as("the unmutated sample")
                .doesNotThrowAnyException();

        Random random = new Random(sample.name().hashCode());
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Mutations.Place place : Mutations.places(SCHEMAS, SCHEMAS.root(sample.schemaFile()), document)) {
            for (Mutations.Mutation mutation : Mutations.of(place, random)) {
                Mutations.Draft draft = new Mutations.Draft(document);
                mutation.change().accept(draft);
                check(sample, draft.payload(), mutation.expect())
                        .ifPresent(problem -> wrong.add(mutation + ": " + problem));
                checked++;
            }
        }

        System.out.println(sample + ": " + checked + " mutations");
        assertThat(wrong).as("%d mutations of %s", checked, sample).isEmpty();
        assertThat(checked).as("mutations of %s", sample).isGreaterThan(50);
    }

    /** Empty when decoding did what {@code expect} says, else what it did instead. */
    static java.util.Optional<String> check(FullSamples.Sample sample, String payload, Mutations.Expect expect) {
        try {
            Decoding.decode(sample, payload);
            return expect.accept() ? java.util.Optional.empty() : java.util.Optional.of("was accepted");
        } catch (InvalidEventException e) {
            if (expect.accept()) {
                return java.util.Optional.of("was refused: " + e.getMessage());
            }
            return expect.names(e.getMessage()) ? java.util.Optional.empty()
                    : java.util.Optional.of("refused without naming " + expect.allOf() + expect.anyOf() + ": "
                            + e.getMessage());
        } catch (RuntimeException e) {
            return java.util.Optional.of("threw " + e);
        }
    }
}
