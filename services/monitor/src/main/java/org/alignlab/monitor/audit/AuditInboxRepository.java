package org.alignlab.monitor.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class AuditInboxRepository implements PanacheRepositoryBase<AuditInboxEntry, UUID> {
}
