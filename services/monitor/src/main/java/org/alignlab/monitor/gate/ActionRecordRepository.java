package org.alignlab.monitor.gate;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ActionRecordRepository implements PanacheRepositoryBase<ActionRecord, UUID> {
}
