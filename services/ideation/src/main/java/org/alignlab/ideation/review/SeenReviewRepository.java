package org.alignlab.ideation.review;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class SeenReviewRepository implements PanacheRepositoryBase<SeenReview, UUID> {
}
