package org.alignlab.orchestrator.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.security.Roles;
import org.alignlab.orchestrator.goal.GoalAccess;
import org.alignlab.orchestrator.goal.GoalIds;
import org.alignlab.platform.http.ProblemException;

/**
 * A goal's report, once the goal has ended: JSON as stored, or rendered from it as Markdown or HTML
 * ({@code ?format=json|md|html}, else by {@code Accept}), and its plots as PNG.
 */
@Path("/api/goals/{id}/report")
public class ReportResource {

    static final String MARKDOWN = "text/markdown";
    private static final Map<String, String> FORMATS = Map.of("json", MediaType.APPLICATION_JSON,
            "md", MARKDOWN, "html", MediaType.TEXT_HTML);

    /**
     * The HTML report runs no script and loads nothing, even if something slipped past its escaping: its own inline
     * style and its plots, embedded as {@code data:} images, are all it needs.
     */
    static final String HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
            + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Inject
    GoalAccess access;
    @Inject
    ReportService reports;
    private final ReportPlots plots = new ReportPlots();

    @GET
    @Produces({MediaType.APPLICATION_JSON, MARKDOWN, MediaType.TEXT_HTML})
    @RolesAllowed({Roles.RESEARCHER, Roles.REVIEWER, Roles.OPERATOR})
    public Response get(@PathParam("id") String rawId, @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        UUID id = GoalIds.parse(rawId);
        String type = typeOf(format, headers.getAcceptableMediaTypes());
        access.visible(id);
        if (type.equals(MediaType.APPLICATION_JSON)) {
            return inert(Response.ok(reports.find(id).orElseThrow(ReportNotReadyException::new), type)).build();
        }
        Report report = reports.findReport(id).orElseThrow(ReportNotReadyException::new);
        if (type.equals(MARKDOWN)) {
            return inert(Response.ok(new MarkdownReport(plots).render(report), type + ";charset=UTF-8")).build();
        }
        return inert(Response.ok(new HtmlReport(plots).render(report), type + ";charset=UTF-8"))
                .header("Content-Security-Policy", HTML_POLICY).build();
    }

    @GET
    @Path("plots/{name}.png")
    @Produces("image/png")
    @RolesAllowed({Roles.RESEARCHER, Roles.REVIEWER, Roles.OPERATOR})
    public Response plot(@PathParam("id") String rawId, @PathParam("name") String name) {
        UUID id = GoalIds.parse(rawId);
        access.visible(id);
        Report report = reports.findReport(id).orElseThrow(ReportNotReadyException::new);
        byte[] png = plots.render(report, name).orElseThrow(() -> ProblemException.notFound(
                "goal " + id + " has no plot " + name + "; it has " + plots.available(report)));
        return Response.ok(png, "image/png").build();
    }

    /** The report is read as the type it is sent as, never sniffed into HTML (a JSON or Markdown one included). */
    private static Response.ResponseBuilder inert(Response.ResponseBuilder response) {
        return response.header("X-Content-Type-Options", "nosniff");
    }

    /** {@code ?format=} wins; otherwise the first acceptable type this resource makes; JSON when any will do. */
    private static String typeOf(String format, List<MediaType> acceptable) {
        if (format != null) {
            String type = FORMATS.get(format);
            if (type == null) {
                throw ProblemException.invalid("format", "must be one of json, md, html");
            }
            return type;
        }
        for (MediaType accepted : acceptable) {
            for (String type : List.of(MediaType.APPLICATION_JSON, MARKDOWN, MediaType.TEXT_HTML)) {
                if (accepted.isCompatible(MediaType.valueOf(type))) {
                    return type;
                }
            }
        }
        return MediaType.APPLICATION_JSON;
    }
}
