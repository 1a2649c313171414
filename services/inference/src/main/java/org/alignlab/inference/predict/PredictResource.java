package org.alignlab.inference.predict;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.alignlab.contracts.security.Roles;
import org.alignlab.inference.config.InferenceConfig;
import org.alignlab.inference.engine.Tensor;
import org.alignlab.inference.serving.ModelRegistry;
import org.alignlab.inference.serving.ServedModel;

/**
 * Tensors in, tensors out, for any served model of the store: a text classifier takes its feature vectors
 * ({@code features [n, dimension]}), a TorchScript model what its metadata declares. Requests to one model are
 * batched together, and with the model's classifications.
 */
@Path("/v1/predict")
public class PredictResource {

    @Inject
    ModelRegistry registry;
    @Inject
    InferenceConfig config;

    /** The body is read as text so that every malformed tensor gets a 400 naming its field. */
    @POST
    @Path("/{model}")
    @RolesAllowed({Roles.SERVICE, Roles.OPERATOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public PredictResponse predict(@PathParam("model") String model, String body) {
        ServedModel served = registry.model(model);
        List<Tensor> inputs = PredictRequest.read(body, served.signature(), config.maxTensorElements());
        List<TensorResponse> outputs = served.runner().run(inputs).stream().map(TensorResponse::of).toList();
        return new PredictResponse(served.name(), served.version(), outputs);
    }
}
