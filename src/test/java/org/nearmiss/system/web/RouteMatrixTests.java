package org.nearmiss.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.testing.TempDataDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Every rule of {@code security/routes.yaml} for every role and for nobody: allowed or denied as listed. */
@SpringBootTest(
        properties = {
            "nearmiss.throttle.filings=100000",
            "nearmiss.throttle.lookups=100000",
            "nearmiss.throttle.sign-ins=100000",
            "nearmiss.intake.status-floor=0ms"
        })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TempDataDir.class)
class RouteMatrixTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Routes routes;

    @Test
    void everyRouteAllowsExactlyTheRolesItLists() throws Exception {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Routes.Rule rule : routes.rules()) {
            String path =
                    rule.path().replace("/**", "/nearmiss.css").replace("*", "00000000-0000-0000-0000-000000000000");
            for (HttpMethod method : rule.methods().isEmpty() ? List.of(HttpMethod.GET) : rule.methods()) {
                for (Optional<Role> role : principals()) {
                    boolean expected = allowed(rule.access(), role);
                    boolean actual = !denied(send(method, path, role));
                    cells++;
                    if (expected != actual) {
                        wrong.add(method + " " + path + " as "
                                + role.map(Role::name).orElse("nobody") + ": " + (actual ? "allowed" : "denied")
                                + ", the rule says " + (expected ? "allow" : "deny"));
                    }
                }
            }
        }
        assertThat(cells).isGreaterThan(100);
        assertThat(wrong).isEmpty();
    }

    @Test
    void aRouteWithoutARuleIsDeniedToEveryone() throws Exception {
        for (Optional<Role> role : principals()) {
            assertThat(denied(send(HttpMethod.GET, "/no-rule-here", role)))
                    .as(role.toString())
                    .isTrue();
        }
    }

    @Test
    void behindTlsEveryResponseAsksBrowsersToStayOnHttps() throws Exception {
        for (String path : List.of("/", "/share", "/login", "/api/v1/questionnaire")) {
            MockHttpServletResponse response = mvc.perform(
                            MockMvcRequestBuilders.get(path).secure(true))
                    .andReturn()
                    .getResponse();
            assertThat(response.getHeader("Strict-Transport-Security")).as(path).contains("max-age=");
        }
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/"))
                        .andReturn()
                        .getResponse()
                        .getHeader("Strict-Transport-Security"))
                .as("not over plain HTTP")
                .isNull();
    }

    private static List<Optional<Role>> principals() {
        List<Optional<Role>> all = new ArrayList<>();
        all.add(Optional.empty());
        for (Role role : Role.values()) {
            all.add(Optional.of(role));
        }
        return all;
    }

    private static boolean allowed(Routes.Access access, Optional<Role> role) {
        return switch (access) {
            case Routes.Access.Reporter reporter -> true;
            case Routes.Access.Anyone anyone -> true;
            case Routes.Access.SignedIn signedIn -> role.isPresent();
            case Routes.Access.Roles roles ->
                role.map(r -> roles.names().contains(r.name())).orElse(false);
        };
    }

    private MvcResult send(HttpMethod method, String path, Optional<Role> role) throws Exception {
        MockHttpServletRequestBuilder request =
                MockMvcRequestBuilders.request(method, path).with(csrf());
        if (role.isPresent()) {
            SignedIn who =
                    new SignedIn(AccountId.random(), role.get().name().toLowerCase() + "@test.gov", "Test", role.get());
            request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(
                    who, null, List.of(new SimpleGrantedAuthority(role.get().authority())))));
        }
        return mvc.perform(request).andReturn();
    }

    /** Refused by the security filters, before any handler ran (a handler's own 401 or redirect is no denial). */
    private static boolean denied(MvcResult result) {
        MockHttpServletResponse response = result.getResponse();
        String location = response.getHeader("Location");
        return result.getHandler() == null
                && (response.getStatus() == 401
                        || response.getStatus() == 403
                        || (response.getStatus() == 302 && location != null && location.endsWith("/login")));
    }
}
