package org.alignlab.review.published;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.problem.InvalidRequestException;
import org.alignlab.contracts.security.Roles;
import org.jboss.resteasy.reactive.RestQuery;

/** The reviews published for a goal, exactly as published, oldest first. */
@Path("/api/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @Inject
    PublishedReviewRepository repository;

    @GET
    @RolesAllowed({Roles.RESEARCHER, Roles.REVIEWER, Roles.OPERATOR})
    public List<Review> byGoal(@RestQuery String goalId) {
        return repository.findByGoal(InvalidRequestException.requireUuid("goalId", goalId)).stream()
                .map(stored -> EventCodec.decode(stored.reviewJson, Review.class))
                .toList();
    }
}
