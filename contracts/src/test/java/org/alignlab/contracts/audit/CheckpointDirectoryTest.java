package org.alignlab.contracts.audit;

import static org.alignlab.contracts.audit.Checkpoints.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.alignlab.contracts.events.AuditCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointDirectoryTest {

    @TempDir
    Path dir;

    private final List<AuditCheckpoint> history = history(RandomChains.chainOf(new Random(3), 6),
            Instant.parse("2026-12-01T10:00:00Z"), 2, 4, 6);

    @Test
    void keepsEveryCheckpointAndReadsThemBack() {
        CheckpointDirectory witness = new CheckpointDirectory(dir.resolve("witness"));
        history.forEach(witness::write);
        // A retried publication writes the same checkpoint again: harmless.
        witness.write(history.get(2));

        assertThat(witness.readAll(RandomChains.CHAIN).checkpoints()).containsExactlyElementsOf(history);
        assertThat(witness.newest(RandomChains.CHAIN)).contains(history.get(2));
        assertThat(witness.readAll("other").checkpoints()).isEmpty();
    }

    @Test
    void neverReplacesACheckpoint() {
        CheckpointDirectory witness = new CheckpointDirectory(dir);
        witness.write(history.get(0));
        AuditCheckpoint other = Checkpoints.SIGNER.sign(AuditCheckpoint.first(RandomChains.CHAIN, 5, "b".repeat(64),
                Instant.parse("2026-12-01T11:00:00Z"), Checkpoints.SIGNER.keyId()));

        assertThatThrownBy(() -> witness.write(other)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already holds a different checkpoint 1");
        assertThat(witness.readAll(RandomChains.CHAIN).checkpoints()).containsExactly(history.get(0));
    }

    @Test
    void reportsFilesThatAreNotCheckpointsAndTrustsNone() throws Exception {
        CheckpointDirectory witness = new CheckpointDirectory(dir);
        witness.write(history.get(0));
        Files.writeString(dir.resolve(RandomChains.CHAIN + "-0000000000000000002.json"), "{\"not\": 1}");

        CheckpointDirectory.Read read = witness.readAll(RandomChains.CHAIN);
        assertThat(read.checkpoints()).containsExactly(history.get(0));
        assertThat(read.unreadable()).singleElement().asString()
                .startsWith(RandomChains.CHAIN + "-0000000000000000002");
    }

    @Test
    void anAbsentDirectoryHoldsNothing() {
        assertThat(new CheckpointDirectory(dir.resolve("none")).readAll(RandomChains.CHAIN).checkpoints()).isEmpty();
    }
}
