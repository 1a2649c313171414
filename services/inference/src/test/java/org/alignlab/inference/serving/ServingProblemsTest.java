package org.alignlab.inference.serving;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import org.alignlab.contracts.problem.Problem;
import org.alignlab.inference.engine.ModelBusyException;
import org.alignlab.inference.model.ModelStoreUnavailableException;
import org.alignlab.platform.http.ProblemException;
import org.junit.jupiter.api.Test;

/** The serving failures as the platform's mappers answer them: status, problem type and Retry-After. */
class ServingProblemsTest {

    @Test
    void aModelThatCannotAnswerYetIsA503WorthRetryingLater() {
        assertProblem(new ModelNotLoadedException("m", "models are still loading"), 503, "model-not-loaded", "30");
        assertProblem(new ModelStoreUnavailableException(Path.of("/nowhere")), 503, "model-store-unavailable", "30");
    }

    @Test
    void aFullQueueIsA503WorthRetryingAtOnce() {
        assertProblem(new QueueFullException("m", 256), 503, "queue-full", "1");
    }

    @Test
    void anUnknownModelIsANotFoundWithoutRetryAfter() {
        ProblemException unknown = new UnknownModelException("m", "text-classification");
        assertProblem(unknown, 404, "not-found", null);
        assertThat(unknown.getMessage()).isEqualTo("no text-classification model named 'm'");
    }

    @Test
    void aBusyModelOfTheEngineLibraryIsA503WorthRetryingAtOnce() {
        Response response = new EngineProblemMappers().modelBusy(new ModelBusyException("m"));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        assertThat(((Problem) response.getEntity()).type()).isEqualTo(Problem.TYPE_BASE + "model-busy");
        assertThat(((Problem) response.getEntity()).detail()).isEqualTo("every predictor of m is busy");
    }

    private static void assertProblem(ProblemException e, int status, String slug, String retryAfter) {
        assertThat(e.problem().status()).isEqualTo(status);
        assertThat(e.problem().type()).isEqualTo(Problem.TYPE_BASE + slug);
        assertThat(e.problem().detail()).isEqualTo(e.getMessage());
        assertThat(e.headers().get("Retry-After")).isEqualTo(retryAfter);
    }
}
