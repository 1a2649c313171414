package org.alignlab.inference.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {

    @TempDir
    Path dir;

    @Test
    void emptyStoreListsNoModelsAndIsReady() {
        ModelStore store = new ModelStore(dir);

        assertThat(store.models()).isEmpty();
        HealthCheckResponse health = new ModelStoreHealthCheck(store).call();
        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(health.getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("models", 0L));
    }

    @Test
    void missingStoreIsNotReadyAndRefusesToList() {
        ModelStore store = new ModelStore(dir.resolve("absent"));

        assertThat(new ModelStoreHealthCheck(store).call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThatThrownBy(store::models).isInstanceOf(ModelStoreUnavailableException.class);
    }

    @Test
    void aFileInPlaceOfTheStoreIsNotReady() throws Exception {
        Path file = Files.writeString(dir.resolve("models"), "not a directory");

        assertThat(new ModelStoreHealthCheck(new ModelStore(file)).call().getStatus())
                .isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    @Test
    void onlyFoldersAreModelsListedByName() throws Exception {
        Files.createDirectories(dir.resolve("b-model"));
        Files.writeString(dir.resolve("b-model/model.pt"), "x");
        Files.createDirectories(dir.resolve("a-model"));
        Files.writeString(dir.resolve("stray.txt"), "x");

        assertThat(new ModelStore(dir).models()).containsExactly(
                new ModelResponse("a-model", List.of()),
                new ModelResponse("b-model", List.of("model.pt")));
    }
}
