package org.alignlab.inference.classify;

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
import org.alignlab.inference.engine.ModelMetadata;
import org.alignlab.inference.features.TextClassifier;
import org.alignlab.inference.serving.ModelRegistry;
import org.alignlab.inference.serving.ServedModel;
import org.alignlab.inference.serving.UnknownModelException;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Text classification by any text-classification model of the store, batched with every other request to the same
 * model, one text a request or many. The monitor calls {@code POST /v1/classify/trusted-monitor/batch} with the
 * canonical JSON of a batch of agent actions, with a {@code service} token; an operator may call either by hand.
 */
@Path("/v1/classify")
public class ClassifyResource {

    @Inject
    ModelRegistry registry;
    @Inject
    InferenceConfig config;

    /** The body is read as text so that every malformed body gets a 400 naming its field. */
    @POST
    @Path("/{model}")
    @RolesAllowed({Roles.SERVICE, Roles.OPERATOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ClassifyResponse classify(@PathParam("model") String model,
            @RequestBody(content = @Content(schema = @Schema(implementation = ClassifyRequest.class))) String body) {
        ClassifyRequest request = ClassifyRequest.read(body, config.maxTextChars());
        ServedModel served = registry.model(model);
        TextClassifier classifier = served.textClassifier()
                .orElseThrow(() -> new UnknownModelException(model, ModelMetadata.TEXT_CLASSIFICATION));
        return new ClassifyResponse(served.name(), served.version(), classifier.classify(request.text()));
    }

    /**
     * Many texts in one request and one forward pass, answered in order: what the monitor sends for a batch of
     * actions, so HTTP, JSON and the token check are paid once per batch instead of once per action. Each text gets
     * exactly the probabilities {@link #classify} would give it.
     */
    @POST
    @Path("/{model}/batch")
    @RolesAllowed({Roles.SERVICE, Roles.OPERATOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ClassifyBatchResponse classifyBatch(@PathParam("model") String model,
            @RequestBody(
                    content = @Content(schema = @Schema(implementation = ClassifyBatchRequest.class))) String body) {
        ClassifyBatchRequest request = ClassifyBatchRequest.read(body, config.maxBatchTexts(), config.maxTextChars());
        ServedModel served = registry.model(model);
        TextClassifier classifier = served.textClassifier()
                .orElseThrow(() -> new UnknownModelException(model, ModelMetadata.TEXT_CLASSIFICATION));
        List<ClassifyBatchResponse.Result> results = classifier.classifyAll(request.texts()).stream()
                .map(ClassifyBatchResponse.Result::new).toList();
        return new ClassifyBatchResponse(served.name(), served.version(), results);
    }
}
