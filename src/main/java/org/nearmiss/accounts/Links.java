package org.nearmiss.accounts;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Absolute links for mails and the console: {@code NEARMISS_BASE_URL}, else this machine's port. */
@Component
public class Links {

    private final Environment environment;

    Links(Environment environment) {
        this.environment = environment;
    }

    public String to(String path) {
        String configured = environment.getProperty("nearmiss.base-url");
        String base = configured != null && !configured.isBlank()
                ? configured.replaceAll("/+$", "")
                : "http://localhost:"
                        + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return base + path;
    }
}
