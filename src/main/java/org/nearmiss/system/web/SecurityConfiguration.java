package org.nearmiss.system.web;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.nearmiss.system.BearerTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains built from the route rules ({@code security/routes.yaml}).
 *
 * <p>The reporter's chain serves its routes with no session at all: nothing creates one, sets a
 * cookie or reads a sign-in, even when the same browser is signed in as a reader, so nothing can
 * link a report to an account. The application's chain serves everything else with database-backed
 * sessions, CSRF protection and the roles each rule names; anything without a rule is denied.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /**
     * No observation of each security filter: nothing exports such traces, and wrapping all of them in
     * observations cost about a tenth of an intake request's CPU (the request itself is still observed
     * as {@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    Routes routes() {
        return Routes.load();
    }

    @Bean
    @Order(1)
    SecurityFilterChain reporterRoutes(HttpSecurity http, Routes routes) throws Exception {
        List<RequestMatcher> matchers = routes.reporterRules().stream()
                .map(SecurityConfiguration::matcherOf)
                .flatMap(List::stream)
                .toList();
        http.securityMatcher(new OrRequestMatcher(matchers))
                .authorizeHttpRequests(all -> all.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new FormDecoding(), CsrfFilter.class)
                .csrf(csrf -> csrf.disable())
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain applicationRoutes(
            HttpSecurity http, Routes routes, SecurityContextRepository contexts, ObjectProvider<BearerTokens> tokens)
            throws Exception {
        tokens.ifAvailable(
                bearer -> http.addFilterBefore(new BearerTokenFilter(bearer), AnonymousAuthenticationFilter.class));
        http.addFilterBefore(new FormDecoding(), CsrfFilter.class);
        http.authorizeHttpRequests(authorize -> {
                    authorize.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    for (Routes.Rule rule : routes.rules()) {
                        if (!rule.reporter()) {
                            for (RequestMatcher matcher : matcherOf(rule)) {
                                allow(authorize.requestMatchers(matcher), rule.access());
                            }
                        }
                    }
                    authorize.anyRequest().denyAll();
                })
                .securityContext(context -> context.securityContextRepository(contexts))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(failures -> failures.authenticationEntryPoint((request, response, denied) -> {
                    if (request.getRequestURI().startsWith("/api/")) {
                        ProblemJson.write(
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "Sign in or send a valid token.",
                                request.getRequestURI());
                    } else {
                        new LoginUrlAuthenticationEntryPoint("/login").commence(request, response, denied);
                    }
                }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .headers(SecurityConfiguration::headers)
                // A bearer token is never sent by a browser on its own, so requests carrying one need no CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::carriesToken));
        return http.build();
    }

    private static void allow(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url, Routes.Access access) {
        switch (access) {
            case Routes.Access.Anyone anyone -> url.permitAll();
            case Routes.Access.SignedIn signedIn -> url.authenticated();
            case Routes.Access.Roles roles -> url.hasAnyRole(roles.names().toArray(String[]::new));
            case Routes.Access.Reporter reporter -> url.permitAll();
        }
    }

    static List<RequestMatcher> matcherOf(Routes.Rule rule) {
        if (rule.methods().isEmpty()) {
            return List.of(PathPatternRequestMatcher.withDefaults().matcher(rule.path()));
        }
        return rule.methods().stream()
                .map(method -> (RequestMatcher)
                        PathPatternRequestMatcher.withDefaults().matcher(method, rule.path()))
                .toList();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .frameOptions(frames -> frames.deny())
                .permissionsPolicyHeader(permissions ->
                        permissions.policy("camera=(), microphone=(), geolocation=(), interest-cohort=()"));
    }
}
