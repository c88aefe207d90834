package org.nearmiss.analysis.web;

import java.net.URI;
import org.nearmiss.analysis.AnalysisQuery;
import org.nearmiss.analysis.RiskFactors;
import org.nearmiss.analysis.Themes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The statistics of contributing factors for analysts' tools: the dashboard's figures as JSON. */
@RestController
class RiskFactorsApi {

    private final RiskFactors risks;
    private final Themes themes;

    RiskFactorsApi(RiskFactors risks, Themes themes) {
        this.risks = risks;
        this.themes = themes;
    }

    /** Themes: groups of incidents alike in meaning, largest first. */
    @GetMapping("/api/v1/analysis/themes")
    Themes.Found themes() {
        return themes.themes();
    }

    /**
     * Filters: {@code activity}, {@code lighting}, {@code locationType}, {@code timeOfDay},
     * {@code injuryPotential}, {@code factors} (one value each) and {@code from}, {@code to}
     * (YYYY-MM, the month of the incident).
     */
    @GetMapping("/api/v1/analysis/risk-factors")
    ResponseEntity<?> overview(@RequestParam MultiValueMap<String, String> params) {
        AnalysisQuery query = AnalysisQuery.from(params, risks);
        if (!query.problems().isEmpty()) {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some filters need attention.");
            problem.setTitle("Filters need attention");
            problem.setType(URI.create("about:blank"));
            problem.setProperty("errors", query.problems());
            return ResponseEntity.badRequest().body(problem);
        }
        return ResponseEntity.ok(risks.overview(query.filter()));
    }
}
