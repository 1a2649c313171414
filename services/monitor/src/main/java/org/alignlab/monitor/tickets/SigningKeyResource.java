package org.alignlab.monitor.tickets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.alignlab.contracts.security.Roles;

/** Hands out the public half of the ticket-signing key, for operators to configure the executor with. */
@Path("/api/keys")
@Produces(MediaType.APPLICATION_JSON)
public class SigningKeyResource {

    @Inject
    SigningKeys keys;

    @GET
    @Path("/ticket-signing")
    @RolesAllowed({Roles.OPERATOR, Roles.REVIEWER, Roles.SERVICE})
    public SigningKeyResponse ticketSigning() {
        return new SigningKeyResponse(keys.keyId(), keys.publicKeyBase64());
    }

    /** The key id tickets carry, and the Base64 X.509 public key that verifies them. */
    public record SigningKeyResponse(String keyId, String publicKey) {
    }
}
