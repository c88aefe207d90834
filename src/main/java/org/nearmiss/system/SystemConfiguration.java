package org.nearmiss.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/** Shared beans every module may use. */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

    /** The one clock, so tests can fix the day; only days are ever stored from it. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /** Where a signed-in account is kept between requests: the session, stored in the database. */
    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }
}
