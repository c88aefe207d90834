package org.nearmiss.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Intake settings, under {@code nearmiss.intake}.
 *
 * @param statusFloor the least time a status look-up takes, known key or not, so that its timing
 *     cannot tell a guessed key from a real one
 */
@ConfigurationProperties("nearmiss.intake")
public record IntakeProperties(@DefaultValue("150ms") Duration statusFloor) {}
