package org.alignlab.orchestrator.report;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class StoredReportRepository implements PanacheRepositoryBase<StoredReport, UUID> {
}
