package org.alignlab.review.round;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ReplicationRepository implements PanacheRepositoryBase<Replication, UUID> {
}
