package org.nearmiss.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shared beans every module may use. */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

    /** The one clock, so tests can fix the day; only days are ever stored from it. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
