package org.alignlab.monitor.review;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class HeldActionRepository implements PanacheRepositoryBase<HeldAction, UUID> {
}
