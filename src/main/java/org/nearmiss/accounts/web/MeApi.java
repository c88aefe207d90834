package org.nearmiss.accounts.web;

import org.nearmiss.accounts.SignedIn;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who a session or bearer token stands for: lets an API client check its token. */
@RestController
class MeApi {

    record Me(String email, String name, String role) {}

    @GetMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    Me me(@AuthenticationPrincipal SignedIn who) {
        return new Me(who.email(), who.displayName(), who.role().name());
    }
}
