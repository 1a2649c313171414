package org.alignlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.Split;
import org.junit.jupiter.api.Test;

class SpecLoaderTest {

    static final String RESOURCES = "\"resources\": {\"cpuSeconds\": 60, \"memoryMb\": 512, \"wallSeconds\": 60}";

    @Test
    void readsAValidSpec() throws Exception {
        ExperimentSpec spec = SpecLoader.parse("{\"family\": \"weak-to-strong\", \"params\": {\"epochs\": 3},"
                + " \"seeds\": [1, 2], \"split\": \"heldout\", " + RESOURCES + "}");

        assertThat(spec.family()).isEqualTo("weak-to-strong");
        assertThat(spec.params()).containsEntry("epochs", 3);
        assertThat(spec.seeds()).containsExactly(1, 2);
        assertThat(spec.split()).isEqualTo(Split.HELDOUT);
    }

    @Test
    void violationsNameTheField() {
        assertThatThrownBy(() -> SpecLoader.parse("{\"family\": \"weak-to-strong\", \"params\": {},"
                + " \"seeds\": [], \"split\": \"train\", " + RESOURCES + "}"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("seeds")
                .hasMessageContaining("split");
    }

    @Test
    void missingAndUnknownFieldsAreNamed() {
        assertThatThrownBy(() -> SpecLoader.parse("{\"family\": \"weak-to-strong\", \"params\": {},"
                + " \"seeds\": [1], \"split\": \"validation\", \"gpu\": true}"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("resources")
                .hasMessageContaining("gpu");
    }

    @Test
    void rejectsWhatIsNotJson() {
        assertThatThrownBy(() -> SpecLoader.parse("{family: weak"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("spec is not JSON");
        assertThatThrownBy(() -> SpecLoader.parse("")).isInstanceOf(InvalidSpecException.class);
    }
}
