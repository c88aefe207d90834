package org.nearmiss.system;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 answers the API's controllers give for their own refusals. */
public final class Problems {

    private Problems() {}

    /** 404: nothing here the caller may see. */
    public static ResponseEntity<ProblemDetail> notFound(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Not found");
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    /** 400 with {@code errors}: each a field and what is wrong with it. */
    public static ResponseEntity<ProblemDetail> invalid(String title, List<?> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields need attention.");
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }
}
