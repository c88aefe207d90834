package org.nearmiss.agencies;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.nearmiss.testing.AppTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application, as {@link AppTest}, with a database of its own for the agencies' tests: they
 * publish many reports, which other tests' counts of the shared library must not see. Its clock is a
 * {@link MovableClock}, so a test can reach the next monthly cut-off of agency figures.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AppTest
@TestPropertySource(properties = "nearmiss.agencies.min-peers=3")
@Import(MovableClock.Config.class)
@interface AgencyAppTest {}
