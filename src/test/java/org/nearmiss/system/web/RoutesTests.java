package org.nearmiss.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nearmiss.accounts.Role;
import org.nearmiss.testing.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every route the application serves has a rule in {@code security/routes.yaml}. */
@AppTest
class RoutesTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Routes routes;

    @Test
    void everyControllerMappingHasARule() {
        List<String> uncovered = new ArrayList<>();
        int checked = 0;
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replaceAll("\\{[^}]+}", "sample");
                for (RequestMethod method :
                        methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                    checked++;
                    if (routes.rules().stream().noneMatch(r -> r.covers(HttpMethod.valueOf(method.name()), path))) {
                        uncovered.add(method + " " + pattern);
                    }
                }
            }
        }
        assertThat(checked).as("mappings found").isGreaterThan(10);
        assertThat(uncovered)
                .as("routes without a rule in security/routes.yaml")
                .isEmpty();
    }

    @Test
    void everyRoleARuleNamesExists() {
        Set<String> roles = Arrays.stream(Role.values()).map(Enum::name).collect(Collectors.toSet());
        assertThat(routes.rules())
                .filteredOn(r -> r.access() instanceof Routes.Access.Roles)
                .allSatisfy(r -> assertThat(roles).containsAll(((Routes.Access.Roles) r.access()).names()));
    }

    @Test
    void theReportersRoutesAreNeverUnderAnotherRule() {
        for (Routes.Rule reporter : routes.reporterRules()) {
            String path = reporter.path().replace("/**", "/x.css");
            assertThat(routes.rules())
                    .filteredOn(r -> !r.reporter())
                    .noneMatch(r -> r.covers(HttpMethod.GET, path) || r.covers(HttpMethod.POST, path));
        }
    }
}
