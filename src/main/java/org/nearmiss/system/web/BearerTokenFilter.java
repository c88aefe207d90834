package org.nearmiss.system.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.nearmiss.system.BearerTokens;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in an API request that carries {@code Authorization: Bearer …}, for that request only: no
 * session is created. A token that is wrong, revoked, expired or belongs to a disabled account gets
 * 401. Outside {@code /api/} the header is ignored.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final BearerTokens tokens;

    BearerTokenFilter(BearerTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * Whether the request is to the API and carries a bearer token. Tokens are for {@code /api/} alone:
     * elsewhere the header is ignored, so a token never takes a step on a page's form, and those forms
     * keep their CSRF check.
     */
    static boolean carriesToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null
                && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Authentication> authentication = tokens.authenticate(
                request.getHeader("Authorization").substring(BEARER.length()).strip());
        if (authentication.isEmpty()) {
            ProblemJson.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "The token is not valid: wrong, revoked, expired, or its account is disabled.",
                    request.getRequestURI());
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication.get());
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
