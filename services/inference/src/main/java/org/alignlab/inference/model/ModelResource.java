package org.alignlab.inference.model;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.alignlab.contracts.security.Roles;

/** The models this service could serve. */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    @Inject
    ModelStore store;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.SERVICE, Roles.RESEARCHER, Roles.REVIEWER})
    public ModelListResponse list() {
        return new ModelListResponse(store.models());
    }
}
