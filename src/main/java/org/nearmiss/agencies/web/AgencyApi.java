package org.nearmiss.agencies.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.agencies.Agencies;
import org.nearmiss.agencies.AgencyDashboard;
import org.nearmiss.agencies.AgencyProblem;
import org.nearmiss.agencies.AnalysisRequests;
import org.nearmiss.agencies.ProgrammeStatistics;
import org.nearmiss.analysis.Briefings;
import org.nearmiss.system.Problems;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agencies for tools (bearer token): a coordinator's dashboard (hidden figures are {@code null}) and
 * requests, analysts' answers to them, and the programme's figures for admins.
 */
@RestController
class AgencyApi {

    private final Agencies agencies;
    private final AgencyDashboard dashboards;
    private final AnalysisRequests requests;
    private final Briefings briefings;
    private final ProgrammeStatistics programme;

    AgencyApi(
            Agencies agencies,
            AgencyDashboard dashboards,
            AnalysisRequests requests,
            Briefings briefings,
            ProgrammeStatistics programme) {
        this.agencies = agencies;
        this.dashboards = dashboards;
        this.requests = requests;
        this.briefings = briefings;
        this.programme = programme;
    }

    /** Nothing of this kind the caller may see. */
    static final class NotFound extends RuntimeException {}

    @GetMapping("/api/v1/agency/dashboard")
    AgencyDashboard.Dashboard dashboard(@AuthenticationPrincipal SignedIn who) {
        return dashboards.of(agencies.coordinatedBy(who).orElseThrow(NotFound::new));
    }

    record Ask(String title, String body) {}

    /**
     * @param format one of {@code report.pdf}, {@code factors.csv}, {@code pairs.csv},
     *     {@code activities.csv}, {@code months.csv}, {@code alerts.csv}; analysts only, optional
     * @param filter the analysis dashboard's filter, as its query parameters
     */
    record Reply(String body, String format, Map<String, String> filter) {}

    @GetMapping({"/api/v1/agency/requests", "/api/v1/analysis/requests"})
    List<AnalysisRequests.Request> list(@AuthenticationPrincipal SignedIn who) {
        return requests.list(who);
    }

    @PostMapping(path = "/api/v1/agency/requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AnalysisRequests.Request> ask(@AuthenticationPrincipal SignedIn who, @RequestBody Ask ask) {
        AnalysisRequests.Request asked = requests.ask(who, ask.title(), ask.body());
        return ResponseEntity.created(URI.create("/api/v1/agency/requests/" + asked.id()))
                .body(asked);
    }

    @GetMapping({"/api/v1/agency/requests/{id}", "/api/v1/analysis/requests/{id}"})
    AnalysisRequests.Request show(@AuthenticationPrincipal SignedIn who, @PathVariable UUID id) {
        return requests.find(who, id).orElseThrow(NotFound::new);
    }

    @PostMapping(
            path = {"/api/v1/agency/requests/{id}/messages", "/api/v1/analysis/requests/{id}/messages"},
            consumes = MediaType.APPLICATION_JSON_VALUE)
    AnalysisRequests.Request reply(
            @AuthenticationPrincipal SignedIn who, @PathVariable UUID id, @RequestBody Reply reply) {
        requests.find(who, id).orElseThrow(NotFound::new);
        Briefings.Export attachment = null;
        if (reply.format() != null && !reply.format().isBlank()) {
            MultiValueMap<String, String> filter = new LinkedMultiValueMap<>();
            if (reply.filter() != null) {
                reply.filter().forEach(filter::add);
            }
            try {
                attachment = briefings.export(reply.format(), filter);
            } catch (Briefings.FilterInvalid invalid) {
                throw new AgencyProblem(invalid.problems());
            }
        }
        return requests.reply(who, id, reply.body(), attachment);
    }

    @GetMapping({
        "/api/v1/agency/requests/{id}/attachments/{position}",
        "/api/v1/analysis/requests/{id}/attachments/{position}"
    })
    ResponseEntity<byte[]> attachment(
            @AuthenticationPrincipal SignedIn who, @PathVariable UUID id, @PathVariable int position) {
        Optional<Briefings.Export> file = requests.attachment(who, id, position);
        Briefings.Export found = file.orElseThrow(NotFound::new);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(found.mediaType()))
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename(found.filename())
                                .build()
                                .toString())
                .body(found.content());
    }

    @GetMapping("/api/v1/admin/programme")
    ProgrammeStatistics.Figures programme() {
        return programme.figures();
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound() {
        return Problems.notFound("There is nothing here you may see.");
    }

    @ExceptionHandler(AgencyProblem.class)
    ResponseEntity<ProblemDetail> invalid(AgencyProblem invalid) {
        return Problems.invalid("Request needs attention", invalid.problems());
    }
}
