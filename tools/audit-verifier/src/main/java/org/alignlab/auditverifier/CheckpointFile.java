package org.alignlab.auditverifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alignlab.contracts.events.AuditCheckpoint;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.InvalidEventException;

/**
 * Checkpoints kept somewhere other than Kafka (an archive, an export handed to an auditor): one
 * {@link AuditCheckpoint} JSON object per line. The file is the operator's own, so a bad line stops the run.
 */
final class CheckpointFile {

    private CheckpointFile() {
    }

    static List<AuditCheckpoint> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UnusableInputException("cannot read checkpoints from " + file, e);
        }
        List<AuditCheckpoint> checkpoints = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                checkpoints.add(EventCodec.decode(lines.get(i), AuditCheckpoint.class));
            } catch (InvalidEventException e) {
                throw new UnusableInputException(file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return checkpoints;
    }
}
