package org.nearmiss.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port with a data dir of its own (embedded H2 in it), generous
 * throttles so tests are not turned away, and a short status floor.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "nearmiss.throttle.filings=100000",
            "nearmiss.throttle.lookups=100000",
            "nearmiss.throttle.sign-ins=100000",
            "nearmiss.intake.status-floor=40ms"
        })
@ContextConfiguration(initializers = TempDataDir.class)
public @interface AppTest {}
