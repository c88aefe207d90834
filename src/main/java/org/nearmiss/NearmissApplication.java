package org.nearmiss;

import org.nearmiss.system.Commands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Nearmiss: anonymous near-miss reporting for law enforcement. Without arguments it starts the web
 * application; {@code java -jar nearmiss.jar COMMAND …} runs a command instead (see {@code --help}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NearmissApplication {

    public static void main(String[] args) {
        if (Commands.isCommand(args)) {
            System.exit(Commands.run(NearmissApplication.class, args));
        }
        SpringApplication.run(NearmissApplication.class, args);
    }
}
