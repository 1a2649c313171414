package org.alignlab.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.alignlab.contracts.json.EventValidator;
import org.junit.jupiter.api.Test;

class AsyncApiTest {

    private static final Path CONTRACTS = Path.of(System.getProperty("user.dir"));

    private final JsonNode asyncApi;

    AsyncApiTest() throws IOException {
        asyncApi = new ObjectMapper(new YAMLFactory()).readTree(CONTRACTS.resolve("asyncapi.yaml").toFile());
    }

    @Test
    void itIsAsyncApi3() {
        assertThat(asyncApi.path("asyncapi").asText()).startsWith("3.");
    }

    @Test
    void everyMessageResolvesToALoadableSchemaFile() {
        List<String> refs = new ArrayList<>();
        asyncApi.path("components").path("messages").forEach(message -> {
            String ref = message.path("payload").path("schema").path("$ref").asText();
            refs.add(ref);
            Path file = CONTRACTS.resolve(ref).normalize();
            assertThat(file).as(ref).exists();
            assertThat(EventValidator.instance().load(file.getFileName().toString())).isNotNull();
        });
        assertThat(refs).hasSize(EventType.values().length);
    }

    @Test
    void everyEventTypeHasAMessageAndEveryTopicAChannelAndDlq() {
        List<String> addresses = new ArrayList<>();
        asyncApi.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));

        for (EventType type : EventType.values()) {
            assertThat(asyncApi.path("components").path("messages").has(type.recordType().getSimpleName()))
                    .as(type.name()).isTrue();
        }
        assertThat(addresses).containsAll(Topics.ALL);
        assertThat(addresses).containsAll(Topics.ALL.stream().map(Topics::dlq).toList());
    }

    @Test
    void everySchemaFileLoads() throws IOException {
        Path schemas = CONTRACTS.resolve("schemas");
        try (Stream<Path> files = Files.walk(schemas)) {
            files.filter(Files::isRegularFile).map(f -> schemas.relativize(f).toString())
                    .forEach(name -> assertThat(EventValidator.instance().load(name)).as(name).isNotNull());
        }
    }
}
