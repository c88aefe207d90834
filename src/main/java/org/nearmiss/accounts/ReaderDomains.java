package org.nearmiss.accounts;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which e-mail domains may sign up as readers by themselves, with a confirmation link
 * ({@code NEARMISS_READERS_ALLOWED_DOMAINS}, comma-separated). {@code *.gov} admits any address under
 * {@code .gov}; a plain domain admits itself and its subdomains. Anyone else joins by an agency
 * coordinator's invitation or enrolment code.
 */
@ConfigurationProperties("nearmiss.readers")
public record ReaderDomains(@DefaultValue("*.gov") List<String> allowedDomains) {

    public boolean admits(String email) {
        int at = email.lastIndexOf('@');
        if (at < 0) {
            return false;
        }
        String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
        return allowedDomains.stream()
                .map(d -> d.strip().toLowerCase(Locale.ROOT))
                .anyMatch(allowed -> {
                    String suffix = allowed.startsWith("*.") ? allowed.substring(1) : "." + allowed;
                    return domain.endsWith(suffix) || domain.equals(allowed);
                });
    }
}
