package org.alignlab.contracts.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.alignlab.contracts.events.AuditCheckpoint;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.InvalidEventException;

/**
 * A witness of the checkpoint history kept outside both Kafka and PostgreSQL: one file per checkpoint, named by its
 * chain and place, written once and never replaced. The monitor writes each checkpoint here before it publishes it;
 * verifiers read it beside {@code audit.checkpoints}, so deleting the topic's records no longer erases history.
 * Locally a directory of the run; in Kubernetes a volume of storage that neither the database's nor the broker's
 * credentials reach.
 */
public final class CheckpointDirectory {

    private static final String SUFFIX = ".json";

    private final Path directory;

    public CheckpointDirectory(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Keeps a checkpoint. Writing the same checkpoint again is harmless (a retried publication); a different one
     * in the same place is refused: the witness never lets history be replaced.
     *
     * @throws IllegalStateException when another checkpoint already holds that place
     * @throws UncheckedIOException  when the directory cannot be written
     */
    public void write(AuditCheckpoint checkpoint) {
        String json = EventCodec.encode(checkpoint);
        Path target = directory.resolve(fileName(checkpoint));
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".writing-", ".tmp");
            try {
                Files.writeString(temporary, json, StandardCharsets.UTF_8);
                try {
                    createOnce(temporary, target);
                } catch (FileAlreadyExistsException e) {
                    if (!Files.readString(target, StandardCharsets.UTF_8).equals(json)) {
                        throw new IllegalStateException("the witness already holds a different checkpoint "
                                + checkpoint.checkpointSeq() + " of chain " + checkpoint.chain() + " at " + target);
                    }
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint to the witness " + directory, e);
        }
    }

    /** What a read found: the checkpoints, and the files that are not checkpoints (reported, never trusted). */
    public record Read(List<AuditCheckpoint> checkpoints, List<String> unreadable) {
    }

    /** Every checkpoint of {@code chain} kept here; an absent directory holds none. */
    public Read readAll(String chain) {
        List<AuditCheckpoint> checkpoints = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return new Read(checkpoints, unreadable);
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(chain + "-")
                    && f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                try {
                    checkpoints.add(EventCodec.decode(Files.readString(file, StandardCharsets.UTF_8),
                            AuditCheckpoint.class));
                } catch (InvalidEventException | IOException e) {
                    unreadable.add(file.getFileName() + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the witness " + directory, e);
        }
        return new Read(checkpoints, unreadable);
    }

    /** The newest checkpoint of {@code chain} kept here, whatever its signature (the caller checks it). */
    public Optional<AuditCheckpoint> newest(String chain) {
        return readAll(chain).checkpoints().stream()
                .max(Comparator.comparingLong(AuditCheckpoint::checkpointSeq));
    }

    private static String fileName(AuditCheckpoint checkpoint) {
        return checkpoint.chain() + "-" + String.format("%019d", checkpoint.checkpointSeq()) + SUFFIX;
    }

    /** Gives {@code temporary}'s content the name {@code target}, only if that name is free. */
    private static void createOnce(Path temporary, Path target) throws IOException {
        try {
            // A hard link is created only if the name is free: the witness's append-only rule, atomically.
            Files.createLink(target, temporary);
        } catch (UnsupportedOperationException e) {
            // Storage without links (some object-store mounts): the monitor is the one writer, so check, then move.
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temporary, target);
            }
        }
    }
}
