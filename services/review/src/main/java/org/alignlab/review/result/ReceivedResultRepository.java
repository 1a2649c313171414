package org.alignlab.review.result;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ReceivedResultRepository implements PanacheRepositoryBase<ReceivedResult, UUID> {
}
