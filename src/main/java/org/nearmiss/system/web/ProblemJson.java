package org.nearmiss.system.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Problem details (RFC 9457) written where no message converter is at hand: the security filters'
 * refusals and the servlet container's own error reports. The title and detail are always our own
 * words; the instance is the path that failed, and only when it is a clean path.
 */
final class ProblemJson {

    private static final Pattern CLEAN_PATH = Pattern.compile("/[A-Za-z0-9._~/-]{0,2000}");

    private ProblemJson() {}

    /** The failed path as the problem's instance; empty when it is not a clean path (never echoed then). */
    static Optional<URI> instanceOf(String path) {
        return path != null && CLEAN_PATH.matcher(path).matches() ? Optional.of(URI.create(path)) : Optional.empty();
    }

    static String of(HttpStatus status, String detail, String path) {
        return "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\""
                + instanceOf(path).map(uri -> ",\"instance\":\"" + uri + "\"").orElse("") + "}";
    }

    static void write(HttpServletResponse response, HttpStatus status, String detail, String path) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(of(status, detail, path));
    }
}
