package org.nearmiss.system.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 400 a request whose query or form cannot be decoded (a malformed escape, bytes that are
 * not UTF-8, more parameters than the server takes), before any handler or filter reads a parameter:
 * otherwise the first {@code getParameter} fails deep inside a handler and the answer is a 500, or the
 * server quietly drops the parameters it could not read. Nothing of the request is logged. It runs
 * inside both security filter chains, after the security headers are set up and before anything (the
 * CSRF check) reads a parameter.
 */
class FormDecoding extends OncePerRequestFilter {

    /** Set by the servlet container when it could not parse the parameters. */
    private static final String PARSE_FAILED = "org.apache.catalina.parameter_parse_failed";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean failed;
        try {
            request.getParameterMap();
            failed = request.getAttribute(PARSE_FAILED) != null;
        } catch (RuntimeException unreadable) {
            failed = true;
        }
        if (failed) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }
}
