package org.nearmiss.system.web;

import static org.springframework.http.HttpMethod.GET;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Every route with who may use it, and the headers every response carries.
 *
 * <p>The reporter's routes keep no session: they never create one, never set a cookie and never read
 * a login even when the same browser is signed in as a reader, so nothing can link a report to an
 * account. An anonymous form with no session has nothing to forge, hence no CSRF token there.
 */
@Configuration
class SecurityConfiguration {

    /** Served to anyone, without a session: the reporter's way in, pages and API. */
    static final String[] REPORTER_ROUTES = {
        "/", "/share", "/status", "/status/reply",
        "/api/v1/questionnaire", "/api/v1/reports", "/api/v1/reports/status", "/api/v1/reports/replies"
    };

    static final String[] PUBLIC_ASSETS = {"/css/**", "/js/**", "/img/**", "/favicon.svg", "/favicon.ico"};

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain routes(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(routes -> routes.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        // Public routes are open to every method: the handlers answer 405 to the wrong one.
                        .requestMatchers(REPORTER_ROUTES)
                        .permitAll()
                        .requestMatchers(GET, PUBLIC_ASSETS)
                        .permitAll()
                        .requestMatchers(GET, "/actuator/health", "/error")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.deny())
                        .permissionsPolicyHeader(permissions ->
                                permissions.policy("camera=(), microphone=(), geolocation=(), interest-cohort=()")));
        return http.build();
    }
}
