package org.nearmiss;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Nearmiss: anonymous near-miss reporting for law enforcement. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NearmissApplication {

    public static void main(String[] args) {
        SpringApplication.run(NearmissApplication.class, args);
    }
}
