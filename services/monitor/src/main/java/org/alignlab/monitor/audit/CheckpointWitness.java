package org.alignlab.monitor.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.alignlab.contracts.audit.CheckpointDirectory;
import org.alignlab.contracts.events.AuditCheckpoint;
import org.alignlab.monitor.config.MonitorConfig;
import org.jboss.logging.Logger;

/** The configured witness of the checkpoint history, if any (see {@link CheckpointDirectory}). */
@ApplicationScoped
public class CheckpointWitness {

    private static final Logger LOG = Logger.getLogger(CheckpointWitness.class);

    private final Optional<CheckpointDirectory> directory;

    CheckpointWitness(MonitorConfig config) {
        this.directory = config.checkpoints().witnessDir().map(CheckpointDirectory::new);
        if (directory.isEmpty()) {
            LOG.warn("no alignlab.monitor.checkpoints.witness-dir: the checkpoint history lives on Kafka alone, "
                    + "where whoever can delete topic records can erase it");
        }
    }

    /** Keeps a checkpoint before it is published; throws when the witness cannot take it. */
    public void keep(AuditCheckpoint checkpoint) {
        directory.ifPresent(witness -> witness.write(checkpoint));
    }

    public Optional<AuditCheckpoint> newest(String chain) {
        return directory.flatMap(witness -> witness.newest(chain));
    }

    public List<AuditCheckpoint> readAll(String chain) {
        return directory.map(witness -> {
            CheckpointDirectory.Read read = witness.readAll(chain);
            read.unreadable().forEach(file -> LOG.warnf("witness file is not a checkpoint: %s", file));
            return read.checkpoints();
        }).orElse(List.of());
    }
}
